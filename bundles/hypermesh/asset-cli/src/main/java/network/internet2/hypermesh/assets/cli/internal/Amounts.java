package network.internet2.hypermesh.assets.cli.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.karaf.shell.support.CommandException;

/**
 * Amounts and leases as the commands accept them. An amount is a whole number in
 * the kind's unit; for kinds counted in bytes it may carry a suffix: binary
 * {@code KiB}, {@code MiB}, {@code GiB}, {@code TiB} (1024-based) or decimal
 * {@code kB}, {@code MB}, {@code GB}, {@code TB} (1000-based), in any case, with a
 * fraction if the result is whole ({@code 1.5GiB}). A lease is seconds, or a number
 * with {@code s}, {@code m}, {@code h} or {@code d}.
 */
final class Amounts {

    /** The longest lease the command passes on: a year (the registry applies its own maximum). */
    static final long MAX_LEASE_SECONDS = 365L * 24 * 3600;

    private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([A-Za-z]*)");
    private static final Pattern LEASE = Pattern.compile("(\\d+)([smhd]?)");
    private static final Map<String, Long> BYTE_SUFFIXES = Map.of(
            "b", 1L,
            "kib", 1L << 10, "mib", 1L << 20, "gib", 1L << 30, "tib", 1L << 40,
            "kb", 1_000L, "mb", 1_000_000L, "gb", 1_000_000_000L, "tb", 1_000_000_000_000L);
    private static final Map<String, Long> LEASE_UNITS = Map.of("", 1L, "s", 1L, "m", 60L, "h", 3600L,
            "d", 86400L);

    private Amounts() {
    }

    /**
     * @param text what the user typed, such as {@code 500}, {@code 64MiB} or {@code 1.5 GiB}
     * @param kind the kind, for messages
     * @param unit the kind's unit; suffixes are accepted only for {@code bytes}
     * @return the amount in the kind's unit, at least 1
     * @throws CommandException saying what is accepted
     */
    static long amount(String text, String kind, String unit) throws CommandException {
        Matcher match = AMOUNT.matcher(text == null ? "" : text.trim());
        boolean bytes = Format.BYTES.equals(unit);
        String accepted = bytes ? "a whole number of bytes, or a number with KiB, MiB, GiB, TiB (1024-based) or "
                + "kB, MB, GB, TB (1000-based), such as 64MiB" : "a whole number of " + unit;
        if (!match.matches()) {
            throw new CommandException("'" + text + "' is not an amount of " + kind + ": give " + accepted);
        }
        String suffix = match.group(2).toLowerCase(Locale.ROOT);
        Long multiplier = suffix.isEmpty() ? Long.valueOf(1) : bytes ? BYTE_SUFFIXES.get(suffix) : null;
        if (multiplier == null) {
            throw new CommandException("'" + text + "': " + kind + " is counted in " + unit + ", give " + accepted);
        }
        BigDecimal value = new BigDecimal(match.group(1)).multiply(BigDecimal.valueOf(multiplier));
        try {
            long amount = value.longValueExact();
            if (amount < 1) {
                throw new CommandException("the amount must be at least 1 " + unit + ", not '" + text + "'");
            }
            return amount;
        } catch (ArithmeticException e) {
            boolean tooLarge = value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0;
            throw new CommandException("'" + text + "' is not an amount of " + kind + ": it is "
                    + (tooLarge ? "too large" : "not a whole number of " + unit) + "; give " + accepted, e);
        }
    }

    /**
     * @param text seconds ({@code 3600}) or a number with {@code s}, {@code m}, {@code h}, {@code d}
     * @return the lease, from 1 s to a year
     * @throws CommandException saying what is accepted
     */
    static Duration lease(String text) throws CommandException {
        Matcher match = LEASE.matcher(text == null ? "" : text.trim());
        String accepted = "give seconds (3600) or a number with s, m, h or d (90m, 2h), from 1 s to 365 d";
        if (!match.matches() || match.group(1).length() > 12) {
            throw new CommandException("'" + text + "' is not a lease: " + accepted);
        }
        long seconds = Long.parseLong(match.group(1)) * LEASE_UNITS.get(match.group(2));
        if (seconds < 1 || seconds > MAX_LEASE_SECONDS) {
            throw new CommandException("a lease of '" + text + "' is out of range: " + accepted);
        }
        return Duration.ofSeconds(seconds);
    }
}
