package network.internet2.hypermesh.assets.cli.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.Inet6Address;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.karaf.shell.support.table.ShellTable;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AssetAdapter;
import network.internet2.hypermesh.asset.AssetRegistry.AssetKind;
import network.internet2.hypermesh.vm.VmResult;

/** How the commands render kinds, allocations and runs: pure functions, tested without a shell. */
final class Format {

    static final String BYTES = "bytes";
    private static final String[] BINARY_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Format() {
    }

    /** @return the instant in UTC to the second, as ISO 8601 ({@code 2026-11-24T10:15:00Z}) */
    static String time(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * @return a quantity in a kind's unit: bytes in binary units ({@code 64 MiB},
     *         {@code 1.5 GiB}, rounded down to a tenth), anything else as the plain number
     */
    static String quantity(long value, String unit) {
        if (!BYTES.equals(unit) || value < 1024) {
            return BYTES.equals(unit) ? value + " B" : Long.toString(value);
        }
        int exponent = (63 - Long.numberOfLeadingZeros(value)) / 10;
        long scale = 1L << (10 * exponent);
        if (value % scale == 0) {
            return value / scale + " " + BINARY_UNITS[exponent];
        }
        // rounded down, so that an amount just short of the next unit never reads as 1024.0 of this one
        return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(scale), 1, RoundingMode.DOWN).toPlainString() + " "
                + BINARY_UNITS[exponent];
    }

    /** @return an amount with its unit: {@code 64 MiB}, {@code 500 millicores}, {@code 2} when the unit is unknown */
    static String amount(long value, String unit) {
        if (unit == null || BYTES.equals(unit)) {
            return unit == null ? Long.toString(value) : quantity(value, unit);
        }
        return value + " " + unit;
    }

    /** Columns of quantities, right-aligned as numbers are in every table of the shell. */
    static final Set<String> QUANTITY_COLUMNS = Set.of("Total", "Allocated", "Available", "Amount");

    /** @return a table with these columns, those of quantities right-aligned */
    static ShellTable table(List<String> headers, String emptyText) {
        ShellTable table = new ShellTable().emptyTableText(emptyText);
        for (String header : headers) {
            if (QUANTITY_COLUMNS.contains(header)) {
                table.column(header).alignRight();
            } else {
                table.column(header);
            }
        }
        return table;
    }

    /** The headers of {@link #kindRow}'s cells. */
    static List<String> kindHeaders() {
        return List.of("Kind", "Unit", "Total", "Allocated", "Available", "Health");
    }

    /**
     * @param health the adapter's health, or {@code null} when its service is not visible
     * @return the cells of {@code asset:list}'s row for one kind
     */
    static List<String> kindRow(AssetKind kind, AssetAdapter.Health health) {
        String unit = kind.capacity().unit();
        long total = kind.capacity().total();
        return List.of(kind.kind(), unit, quantity(total, unit), quantity(kind.allocated(), unit),
                quantity(Math.max(0, total - kind.allocated()), unit), health(health));
    }

    /** @return {@code healthy}, {@code unhealthy: why}, or {@code unknown} */
    static String health(AssetAdapter.Health health) {
        if (health == null) {
            return "unknown";
        }
        return health.healthy() ? "healthy" : "unhealthy: " + health.detail();
    }

    /** The headers of {@link #allocationRow}'s cells. */
    static List<String> allocationHeaders() {
        return List.of("Id", "Kind", "Amount", "Owner", "Expires", "Proxy address", "State");
    }

    /**
     * @param unit the unit of the allocation's kind, or {@code null} if the kind is not offered now
     * @return the cells of {@code asset:allocations}'s row for one allocation
     */
    static List<String> allocationRow(Allocation allocation, String unit) {
        return List.of(allocation.id(), allocation.kind(), amount(allocation.amount(), unit), allocation.owner(),
                time(allocation.leaseExpiry()),
                allocation.proxyAddress() == null ? "" : address(allocation.proxyAddress()),
                state(allocation.state()));
    }

    /** @return the state in lower case: {@code active}, {@code released}, … */
    static String state(Allocation.State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    /** @return {@code exited with status 0 (18234 instructions, 3 ms)}, {@code trapped (…): detail}, … */
    static String outcome(VmResult result) {
        String figures = "(" + result.instructions() + " instructions, "
                + (result.elapsed() == null ? "?" : result.elapsed().toMillis()) + " ms)";
        String outcome = result.outcome() == VmResult.Outcome.EXITED
                ? "exited with status " + result.exitCode() + " " + figures
                : result.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + figures;
        boolean detailed = result.detail() != null && !result.detail().isBlank()
                && result.outcome() != VmResult.Outcome.EXITED;
        return outcome + (detailed ? ": " + result.detail() : "")
                + (result.outputTruncated() ? "; output beyond 1 MiB per stream was dropped" : "");
    }

    /**
     * Lines of {@code key  value}, the values aligned two spaces after the longest key.
     *
     * @param entries keys and values, in the order to print them
     */
    static List<String> aligned(List<Map.Entry<String, String>> entries) {
        int width = entries.stream().mapToInt(entry -> entry.getKey().length()).max().orElse(0);
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> entry : entries) {
            lines.add((entry.getKey() + " ".repeat(width - entry.getKey().length() + 2) + entry.getValue())
                    .stripTrailing());
        }
        return lines;
    }

    /** @return what {@code asset:allocate} prints about a new allocation */
    static List<String> granted(Allocation allocation, String unit) {
        String amount = amount(allocation.amount(), unit);
        if (BYTES.equals(unit) && allocation.amount() >= 1024) {
            amount += " (" + allocation.amount() + " bytes)";
        }
        return aligned(List.of(
                Map.entry("Id", allocation.id()),
                Map.entry("Kind", allocation.kind()),
                Map.entry("Amount", amount),
                Map.entry("Owner", allocation.owner()),
                Map.entry("Expires", time(allocation.leaseExpiry())),
                Map.entry("Proxy address", allocation.proxyAddress() == null ? ""
                        : address(allocation.proxyAddress()))));
    }

    /**
     * @return the address in the RFC 5952 text form: lower case, leading zeros
     *         dropped, the longest run of two or more zero groups (the first of equals) as {@code ::}
     */
    static String address(Inet6Address address) {
        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int end = i;
            while (end < 8 && groups[end] == 0) {
                end++;
            }
            if (end - i > bestLength) {
                bestStart = i;
                bestLength = end - i;
            }
            i = Math.max(i, end);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
