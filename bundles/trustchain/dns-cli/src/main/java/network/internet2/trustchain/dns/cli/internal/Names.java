package network.internet2.trustchain.dns.cli.internal;

import java.util.List;
import java.util.Locale;

import network.internet2.trustchain.dns.DnsRecord;

/** Domain names as the commands accept them: relative to the zone ({@code stoq}) or fully qualified. */
final class Names {

    private Names() {
    }

    /**
     * @param name a name relative to {@code zone} ({@code stoq}), or fully qualified
     *             with or without its trailing dot ({@code stoq.internet2.network})
     * @param zone the zone's apex, e.g. {@code internet2.network.}
     * @return the fully qualified name in lower case, with its trailing dot, as
     *         {@code dns:records} shows it; the name as given if it is empty
     */
    static String absolute(String name, String zone) {
        String text = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty() || text.endsWith(".")) {
            return text;
        }
        String apex = zone == null ? "" : zone.strip().toLowerCase(Locale.ROOT);
        if (apex.endsWith(".")) {
            apex = apex.substring(0, apex.length() - 1);
        }
        if (apex.isEmpty() || text.equals(apex) || text.endsWith("." + apex)) {
            return text + ".";
        }
        return text + "." + apex + ".";
    }

    /** @return the distinct owner names of the AAAA records, in the order given */
    static List<String> addressNames(List<DnsRecord> records) {
        return records.stream().filter(record -> "AAAA".equalsIgnoreCase(record.type()))
                .map(DnsRecord::name).distinct().toList();
    }

    /** @return the distinct names of the operator's records (those dns:add added), in the order given */
    static List<String> operatorNames(List<DnsRecord> records) {
        return records.stream().filter(record -> Format.OPERATOR.equals(record.owner()))
                .map(DnsRecord::name).distinct().toList();
    }

    /** @return the distinct record types in the zone, in upper case, in the order given */
    static List<String> types(List<DnsRecord> records) {
        return records.stream().map(record -> record.type().toUpperCase(Locale.ROOT)).distinct().toList();
    }
}
