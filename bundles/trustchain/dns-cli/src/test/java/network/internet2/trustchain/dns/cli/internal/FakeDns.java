package network.internet2.trustchain.dns.cli.internal;

import java.net.Inet6Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import network.internet2.trustchain.dns.DnsAdministration;
import network.internet2.trustchain.dns.DnsRecord;
import network.internet2.trustchain.dns.DnsStatistics;
import network.internet2.trustchain.dns.NameResolutionException;
import network.internet2.trustchain.dns.NameService;

/**
 * A small in-memory stand-in for the DNS server's two services: a zone
 * {@code internet2.network.} whose records the test sets, and a record of
 * every call to {@link #add} and {@link #remove}.
 */
final class FakeDns implements DnsAdministration, NameService {

    static final String ZONE = "internet2.network.";

    final List<DnsRecord> records = new ArrayList<>();
    final List<String> delegationSigner = new ArrayList<>();
    final Map<String, List<Inet6Address>> answers = new HashMap<>();
    final List<String> addCalls = new ArrayList<>();
    final List<String> removeCalls = new ArrayList<>();
    final List<String> resolveCalls = new ArrayList<>();
    DnsStatistics statistics = new DnsStatistics(0, 0, Map.of(), Map.of(), 0, 0, 0, 0);
    RuntimeException failure;

    @Override
    public DnsRecord add(String name, Inet6Address address, Duration ttl) {
        addCalls.add(name + " " + address.getHostAddress() + " " + ttl.getSeconds());
        if (failure != null) {
            throw failure;
        }
        DnsRecord record = new DnsRecord(Names.absolute(name, ZONE), "AAAA", ttl.getSeconds(),
                address.getHostAddress(), Format.OPERATOR);
        records.add(record);
        return record;
    }

    @Override
    public List<DnsRecord> remove(String name) {
        removeCalls.add(name);
        if (failure != null) {
            throw failure;
        }
        String absolute = Names.absolute(name, ZONE);
        List<DnsRecord> removed = records.stream()
                .filter(record -> record.name().equals(absolute) && record.owner().equals(Format.OPERATOR))
                .toList();
        records.removeAll(removed);
        return removed;
    }

    @Override
    public List<DnsRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public List<String> delegationSigner() {
        return List.copyOf(delegationSigner);
    }

    @Override
    public DnsStatistics statistics() {
        return statistics;
    }

    @Override
    public List<Inet6Address> resolve(String name) throws NameResolutionException {
        resolveCalls.add(name);
        List<Inet6Address> addresses = answers.get(name);
        if (addresses == null) {
            throw new NameResolutionException(name, "no such name (NXDOMAIN)");
        }
        return addresses;
    }

    @Override
    public String zone() {
        return ZONE;
    }

    FakeDns record(String name, String type, long ttl, String data, String owner) {
        records.add(new DnsRecord(name, type, ttl, data, owner));
        return this;
    }

    /** A zone as the server builds it: apex records, the node's address, a bundle's, an operator's, signatures. */
    static FakeDns sampleZone() {
        return new FakeDns()
                .record(ZONE, "SOA", 3600, "dns.internet2.network. hostmaster.internet2.network. 7 3600 900 "
                        + "604800 300", "zone")
                .record(ZONE, "NS", 3600, "dns.internet2.network.", "zone")
                .record(ZONE, "DNSKEY", 3600, "257 3 13 " + "K".repeat(88), "zone")
                .record(ZONE, "RRSIG", 3600, "DNSKEY 13 2 3600 20261201000000 20261124000000 4711 "
                        + "internet2.network. " + "S".repeat(88), "zone")
                .record("dns.internet2.network.", "AAAA", 3600, "2001:db8::53", "zone")
                .record("printer.internet2.network.", "AAAA", 300, "2001:db8::7", "operator")
                .record("stoq.internet2.network.", "AAAA", 60, "2001:db8::10", "network.internet2.stoq")
                .record("stoq.internet2.network.", "AAAA", 60, "2001:db8::11", "network.internet2.stoq")
                .record("stoq.internet2.network.", "NSEC", 300, "internet2.network. AAAA RRSIG NSEC", "zone");
    }
}
