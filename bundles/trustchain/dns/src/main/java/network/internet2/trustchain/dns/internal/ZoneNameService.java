package network.internet2.trustchain.dns.internal;

import java.net.Inet6Address;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import network.internet2.trustchain.dns.NameResolutionException;
import network.internet2.trustchain.dns.NameService;

/**
 * The stack's resolver: answers from the zone this node is authoritative for
 * and caches each answer (negative ones too) for its TTL; a change of the zone
 * empties the cache so that a withdrawn name stops resolving at once. It never
 * asks the operating system's resolver: a name outside the zone is an error.
 * Federation with peers' zones is not built yet.
 */
final class ZoneNameService implements NameService {

    private record Answer(List<Inet6Address> addresses, String failure, long expiresAtMillis) {
    }

    private final ZoneBook zone;
    private final Clock clock;
    private final Map<Name, Answer> cache = new ConcurrentHashMap<>();

    ZoneNameService(ZoneBook zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
        zone.onChange(cache::clear);
    }

    @Override
    public List<Inet6Address> resolve(String name) throws NameResolutionException {
        Name query = parse(name);
        long now = clock.millis();
        Answer answer = cache.get(query);
        if (answer == null || answer.expiresAtMillis() <= now) {
            answer = lookUp(query, now);
            cache.put(query, answer);
        }
        if (answer.failure() != null) {
            throw new NameResolutionException(name, answer.failure());
        }
        return answer.addresses();
    }

    @Override
    public String zone() {
        return zone.snapshot().origin().toString();
    }

    /** @return how many answers are cached (for figures and tests) */
    int cached() {
        return cache.size();
    }

    private Answer lookUp(Name name, long now) throws NameResolutionException {
        ZoneSnapshot snapshot = zone.snapshot();
        if (!snapshot.inZone(name)) {
            throw new NameResolutionException(name.toString(), "outside the zone " + snapshot.origin()
                    + " (this node resolves only its own zone; federation with peers is not available yet, "
                    + "and the system resolver is never asked)");
        }
        long negativeTtlMillis = snapshot.negativeTtl() * 1000;
        if (snapshot.at(name).isEmpty()) {
            return new Answer(List.of(), "NXDOMAIN (no such name in " + snapshot.origin() + ")",
                    now + negativeTtlMillis);
        }
        RRset set = snapshot.rrset(name, Type.AAAA);
        if (set == null) {
            return new Answer(List.of(), "the name has no AAAA record", now + negativeTtlMillis);
        }
        List<Inet6Address> addresses = new ArrayList<>();
        for (Record record : set.rrs(false)) {
            addresses.add((Inet6Address) ((AAAARecord) record).getAddress());
        }
        return new Answer(List.copyOf(addresses), null, now + set.getTTL() * 1000);
    }

    private static Name parse(String name) throws NameResolutionException {
        if (name == null || name.isBlank()) {
            throw new NameResolutionException(String.valueOf(name), "a name is required");
        }
        String text = name.strip();
        try {
            return Name.fromString(text.endsWith(".") ? text : text + ".");
        } catch (TextParseException e) {
            throw new NameResolutionException(name, "not a domain name (" + e.getMessage() + ")");
        }
    }
}
