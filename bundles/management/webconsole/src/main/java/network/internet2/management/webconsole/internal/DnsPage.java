package network.internet2.management.webconsole.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.Servlet;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import network.internet2.trustchain.dns.DnsAdministration;
import network.internet2.trustchain.dns.DnsRecord;
import network.internet2.trustchain.dns.DnsStatistics;
import network.internet2.trustchain.dns.NameService;

/**
 * {@code /system/console/internet2-dns}: the zone the node is authoritative for, every record the DNS server
 * answers with (as {@code dns:records} lists them), the DS records a parent zone needs, and the server's counters.
 */
@Component(service = Servlet.class, property = {ConsolePage.LABEL + "=" + DnsPage.PAGE,
    ConsolePage.TITLE + "=DNS", ConsolePage.CATEGORY + "=" + ConsolePage.INTERNET2})
public class DnsPage extends ConsolePage {

    private static final long serialVersionUID = 1L;

    static final String PAGE = "internet2-dns";

    /** How many characters of a signature or key are shown; the rest is cut. */
    static final int KEY_CHARS = 16;

    private final transient OptionalService<DnsAdministration> administration = new OptionalService<>();
    private final transient OptionalService<NameService> names = new OptionalService<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setAdministration(DnsAdministration service) {
        administration.set(service);
    }

    void unsetAdministration(DnsAdministration service) {
        administration.unset(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setNameService(NameService service) {
        names.set(service);
    }

    void unsetNameService(NameService service) {
        names.unset(service);
    }

    @Override
    void content(HtmlFragment page) {
        DnsAdministration dns = administration.get();
        if (dns == null) {
            page.section("Zone");
            page.notInstalled("The DNS server", "feature trustchain-dns");
            return;
        }
        List<DnsRecord> records;
        try {
            records = dns.records();
        } catch (RuntimeException e) {
            page.section("Zone").problems(List.of("could not read the zone's records: " + e));
            return;
        }
        part(page, "the zone", fragment -> {
            NameService nameService = names.get();
            zone(fragment, nameService != null ? nameService.zone() : apex(records), records, dns.delegationSigner());
        });
        part(page, "the server's counters", fragment -> statistics(fragment, dns.statistics()));
        records(page, records);
    }

    /**
     * @param zone    the zone's apex, or {@code null} if unknown
     * @param records every record the server answers with
     * @param ds      the DS records for the parent zone
     */
    static void zone(HtmlFragment page, String zone, List<DnsRecord> records, List<String> ds) {
        page.section("Zone " + (zone == null ? "" : zone));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("records", records.size());
        facts.put("names", records.stream().map(DnsRecord::name).distinct().count());
        facts.put("DNSSEC", Html.badge(records.stream().anyMatch(r -> "RRSIG".equals(r.type())) ? "signed"
                : "unsigned"));
        page.facts(facts);
        page.heading("Delegation signer (for the parent zone)");
        page.table(List.of("DS record"), ds.stream().<List<Object>>map(line -> List.of(Html.code(line))).toList(),
                "DNSSEC is turned off: there is no DS record.");
    }

    /** Every record, in the server's canonical order, as {@code dns:records} lists them. */
    static void records(HtmlFragment page, List<DnsRecord> records) {
        page.section("Records");
        List<List<Object>> rows = new ArrayList<>();
        for (DnsRecord record : records) {
            rows.add(List.of(record.name(), record.type(), record.ttl(), Html.code(shortData(record)),
                    record.owner()));
        }
        page.table(List.of("Name", "Type", "TTL", "Data", "Owner"), rows, "The zone has no records.");
    }

    /** @return the owner name of the zone's SOA record: the apex; {@code null} if there is none */
    static String apex(List<DnsRecord> records) {
        return records.stream().filter(record -> "SOA".equals(record.type())).map(DnsRecord::name).findFirst()
                .orElse(null);
    }

    /**
     * @return the record's data, with the base64 signature of an RRSIG and the key of a DNSKEY cut after
     *         {@value #KEY_CHARS} characters (a page is read, not copied into a zone file)
     */
    static String shortData(DnsRecord record) {
        int fixedFields = switch (record.type()) {
            case "RRSIG" -> 8;
            case "DNSKEY" -> 3;
            default -> -1;
        };
        String[] fields = record.data().strip().split("\\s+");
        if (fixedFields < 0 || fields.length <= fixedFields) {
            return record.data();
        }
        String tail = String.join("", List.of(fields).subList(fixedFields, fields.length));
        if (tail.length() <= KEY_CHARS) {
            return record.data();
        }
        return String.join(" ", List.of(fields).subList(0, fixedFields)) + " " + tail.substring(0, KEY_CHARS)
                + "\u2026";
    }

    static void statistics(HtmlFragment page, DnsStatistics statistics) {
        page.section("Server");
        page.grid(grid -> {
            grid.card(new Html.Markup("Since start"), card -> {
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("queries answered", statistics.queries());
                facts.put("over TCP", statistics.tcpQueries());
                facts.put("truncated (UDP)", statistics.truncated());
                facts.put("dropped", statistics.dropped());
                facts.put("mean latency", Figures.plain(statistics.meanLatencyMicros()) + " \u00b5s");
                facts.put("max latency", statistics.maxLatencyMicros() + " \u00b5s");
                card.facts(facts);
            });
            grid.card(new Html.Markup("Queries by type"), card -> card.table(List.of("Type", "Answered"),
                    counts(statistics.byType()), "No query yet."));
            grid.card(new Html.Markup("Responses by code"), card -> card.table(List.of("Code", "Responses"),
                    counts(statistics.byRcode()), "No response yet."));
        });
    }

    private static List<List<Object>> counts(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .<List<Object>>map(entry -> List.of(entry.getKey(), entry.getValue())).toList();
    }
}
