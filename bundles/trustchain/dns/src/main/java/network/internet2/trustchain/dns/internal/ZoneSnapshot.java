package network.internet2.trustchain.dns.internal;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import org.xbill.DNS.Name;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * One immutable version of the zone, as the server answers from it: every
 * owner name in canonical order with its RRsets (signatures attached when the
 * zone is signed, NSEC included). Lookups are O(log n) and never block.
 */
final class ZoneSnapshot {

    private final Name origin;
    private final NavigableMap<Name, Map<Integer, RRset>> names;
    private final boolean signed;
    private final RRset negativeSoa;

    ZoneSnapshot(Name origin, NavigableMap<Name, Map<Integer, RRset>> names, boolean signed) {
        this.origin = origin;
        this.names = Collections.unmodifiableNavigableMap(names);
        this.signed = signed;
        this.negativeSoa = withNegativeTtl(soa(), negativeTtl());
    }

    Name origin() {
        return origin;
    }

    boolean signed() {
        return signed;
    }

    boolean inZone(Name name) {
        return name.subdomain(origin);
    }

    /** @return the RRsets at {@code name}, empty if the name owns none */
    Map<Integer, RRset> at(Name name) {
        Map<Integer, RRset> sets = names.get(name);
        return sets == null ? Map.of() : sets;
    }

    RRset rrset(Name name, int type) {
        return at(name).get(type);
    }

    RRset soa() {
        return rrset(origin, Type.SOA);
    }

    /** @return the SOA's minimum field: the TTL of negative answers (RFC 2308) */
    long negativeTtl() {
        SOARecord soa = (SOARecord) soa().first();
        return Math.min(soa.getTTL(), soa.getMinimum());
    }

    /** @return the SOA as negative answers carry it: its TTL capped to the negative TTL, signatures kept */
    RRset negativeSoa() {
        return negativeSoa;
    }

    private static RRset withNegativeTtl(RRset soa, long ttl) {
        RRset capped = new RRset();
        for (Record record : soa.rrs(false)) {
            capped.addRR(Record.newRecord(record.getName(), record.getType(), record.getDClass(), ttl,
                    record.rdataToWireCanonical()));
        }
        soa.sigs().forEach(capped::addRR);
        return capped;
    }

    long serial() {
        return ((SOARecord) soa().first()).getSerial();
    }

    /** @return whether {@code name} owns no records but has descendants that do (an empty non-terminal) */
    boolean isEmptyNonTerminal(Name name) {
        if (names.containsKey(name)) {
            return false;
        }
        Name next = names.higherKey(name);
        return next != null && next.subdomain(name);
    }

    /** @return the longest ancestor of {@code name} (itself excluded) that exists, owning records or not */
    Name closestEncloser(Name name) {
        for (int drop = 1; drop < name.labels(); drop++) {
            Name ancestor = new Name(name, drop);
            if (!ancestor.subdomain(origin)) {
                break;
            }
            if (names.containsKey(ancestor) || isEmptyNonTerminal(ancestor)) {
                return ancestor;
            }
        }
        return origin;
    }

    /**
     * @return the NSEC RRset whose owner is the last name before {@code name} in
     *         canonical order, which proves that nothing exists between them
     */
    RRset coveringNsec(Name name) {
        Map.Entry<Name, Map<Integer, RRset>> before = names.lowerEntry(name);
        if (before == null) {
            before = names.lastEntry();
        }
        return before.getValue().get(Type.NSEC);
    }

    /** @return every RRset, in canonical order of owner and then type */
    List<RRset> all() {
        return names.values().stream()
                .flatMap(sets -> sets.values().stream())
                .toList();
    }

    int size() {
        return names.values().stream().mapToInt(Map::size).sum();
    }

    static boolean isNsec(RRset set) {
        return set.first() instanceof NSECRecord;
    }
}
