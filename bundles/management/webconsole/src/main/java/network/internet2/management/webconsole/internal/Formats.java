package network.internet2.management.webconsole.internal;

import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** How the pages write times, durations, amounts and binary values. */
final class Formats {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final String[] BINARY_UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB"};

    private Formats() {
    }

    /** @return {@code 2026-11-24 13:06:49 UTC}; {@code -} for none */
    static String instant(Instant instant) {
        return instant == null ? "-" : UTC.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** @return a duration in its two largest units: {@code 3 d 4 h}, {@code 5 min 2 s}, {@code 40 s} */
    static String duration(Duration duration) {
        long seconds = Math.abs(duration.getSeconds());
        String sign = duration.isNegative() ? "-" : "";
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        long rest = seconds % 60;
        if (days > 0) {
            return sign + days + " d" + (hours > 0 ? " " + hours + " h" : "");
        }
        if (hours > 0) {
            return sign + hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
        }
        if (minutes > 0) {
            return sign + minutes + " min" + (rest > 0 ? " " + rest + " s" : "");
        }
        return sign + rest + " s";
    }

    /** @return an amount in its unit; bytes in binary multiples ({@code 64 MiB}) */
    static String amount(long amount, String unit) {
        if ("bytes".equalsIgnoreCase(unit) && Math.abs(amount) >= 1024) {
            double value = amount;
            int index = -1;
            while (Math.abs(value) >= 1024 && index < BINARY_UNITS.length - 1) {
                value /= 1024;
                index++;
            }
            return Figures.plain(Math.round(value * 10) / 10.0) + " " + BINARY_UNITS[index];
        }
        return amount + " " + unit;
    }

    /** @return an IPv6 address in its short form ({@code fd00::1}); an IPv4 one as it is */
    static String address(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        String[] groups = address.getHostAddress().split("%", 2)[0].split(":");
        int bestStart = -1;
        int bestLength = 1;
        for (int start = 0; start < groups.length; start++) {
            int length = 0;
            while (start + length < groups.length && "0".equals(groups[start + length])) {
                length++;
            }
            if (length > bestLength) {
                bestStart = start;
                bestLength = length;
            }
        }
        if (bestStart < 0) {
            return String.join(":", groups);
        }
        return String.join(":", List.of(groups).subList(0, bestStart)) + "::"
                + String.join(":", List.of(groups).subList(bestStart + bestLength, groups.length));
    }

    /** @return {@code [fd00::1]:4433} */
    static String address(InetSocketAddress address) {
        if (address.getAddress() == null) {
            return address.getHostString() + ":" + address.getPort();
        }
        String host = address(address.getAddress());
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** @return lower-case hexadecimal */
    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** @return a certificate serial as the {@code trustchain:*} commands show it: lower-case hexadecimal */
    static String serial(BigInteger serial) {
        return serial.toString(16);
    }

    /** @return {@code part} of {@code whole} as a percentage with one decimal, or empty if whole is zero */
    static String share(long part, long whole) {
        return whole <= 0 ? "" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}
