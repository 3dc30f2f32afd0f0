package network.internet2.trustchain.dns.internal;

import java.net.Inet6Address;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

import io.netty.util.NetUtil;

import network.internet2.trustchain.dns.DnsRecord;

/**
 * What the zone holds: the node's own records plus everything published by
 * bundles and the operator. Every change builds a new {@link ZoneSnapshot}
 * (signed, when a {@link ZoneSigner} is given) and bumps the SOA serial; readers
 * only ever see complete snapshots.
 */
final class ZoneBook {

    /** Who published the node's own records. */
    static final String ZONE_OWNER = "zone";

    /** A record someone published, with the handle to withdraw it. */
    record Entry(long id, Name name, Inet6Address address, long ttl, String owner) {
    }

    private static final long REFRESH = 3600;
    private static final long RETRY = 600;
    private static final long EXPIRE = 14 * 24 * 3600;

    private final ZoneSettings settings;
    private final ZoneSigner signer;
    private final Clock clock;
    private final Map<Long, Entry> entries = new LinkedHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long nextId = 1;
    private long serial;
    private volatile ZoneSnapshot snapshot;

    /** @param signer signs the zone; {@code null} serves it unsigned */
    ZoneBook(ZoneSettings settings, ZoneSigner signer, Clock clock) {
        this.settings = settings;
        this.signer = signer;
        this.clock = clock;
        rebuild();
    }

    ZoneSettings settings() {
        return settings;
    }

    ZoneSnapshot snapshot() {
        return snapshot;
    }

    /** Runs {@code listener} after every change of the zone. */
    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Publishes {@code name AAAA address}; @return the entry, whose id withdraws it */
    synchronized Entry publish(Name name, Inet6Address address, long ttl, String owner) {
        if (!name.subdomain(settings.origin())) {
            throw new IllegalArgumentException(name + " is outside the zone " + settings.origin());
        }
        ZoneSettings.checkTtl(ttl, "ttl");
        checkAddress(address);
        Entry entry = new Entry(nextId++, name, address, ttl, owner);
        entries.put(entry.id(), entry);
        rebuild();
        return entry;
    }

    /** Refuses what an AAAA record must not carry: IPv4-mapped/compatible addresses and unspecified {@code ::}. */
    static Inet6Address checkAddress(Inet6Address address) {
        byte[] bytes = address.getAddress();
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= bytes[i] == 0;
        }
        if (zeroPrefix && (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff || address.isIPv4CompatibleAddress())) {
            throw new IllegalArgumentException(address.getHostAddress()
                    + " is an IPv4 address in IPv6 form; the zone publishes IPv6 addresses only");
        }
        if (address.isAnyLocalAddress()) {
            throw new IllegalArgumentException(":: (the unspecified address) cannot be published");
        }
        return address;
    }

    /** @return whether the entry was still published */
    synchronized boolean withdraw(long id) {
        if (entries.remove(id) == null) {
            return false;
        }
        rebuild();
        return true;
    }

    /** Withdraws every entry of {@code owner} at {@code name}; @return those withdrawn */
    synchronized List<Entry> withdraw(Name name, String owner) {
        List<Entry> removed = new ArrayList<>();
        entries.values().removeIf(entry -> {
            boolean match = entry.name().equals(name) && entry.owner().equals(owner);
            if (match) {
                removed.add(entry);
            }
            return match;
        });
        if (!removed.isEmpty()) {
            rebuild();
        }
        return removed;
    }

    synchronized List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** Re-signs what is due; called periodically so that signatures never come near expiry. */
    synchronized void refreshSignatures() {
        rebuild();
    }

    /** @return every record of the current snapshot in presentation form, with who published it */
    List<DnsRecord> records() {
        Map<String, String> owners = new LinkedHashMap<>();
        for (Entry entry : entries()) {
            owners.merge(entry.name() + "|" + entry.address().getHostAddress(), entry.owner(),
                    (first, second) -> first.equals(second) ? first : first + "," + second);
        }
        List<DnsRecord> records = new ArrayList<>();
        for (RRset set : snapshot.all()) {
            List<Record> all = new ArrayList<>(set.rrs(false));
            all.addAll(set.sigs());
            for (Record record : all) {
                String owner = record instanceof AAAARecord aaaa
                        ? owners.getOrDefault(record.getName() + "|" + aaaa.getAddress().getHostAddress(), ZONE_OWNER)
                        : ZONE_OWNER;
                String data = record instanceof AAAARecord aaaa
                        ? NetUtil.toAddressString(aaaa.getAddress()) : record.rdataToString();
                records.add(new DnsRecord(record.getName().toString(), Type.string(record.getType()),
                        record.getTTL(), data, owner));
            }
        }
        return records;
    }

    private void rebuild() {
        serial = Math.max(serial + 1, clock.instant().getEpochSecond()) & 0xFFFFFFFFL;
        Name origin = settings.origin();
        NavigableMap<Name, Map<Integer, List<Record>>> content = new TreeMap<>();
        long ttl = settings.ttl();
        add(content, new SOARecord(origin, DClass.IN, ttl, settings.serverName(),
                ZoneNames.inZone("hostmaster", origin), serial, REFRESH, RETRY, EXPIRE, settings.negativeTtl()));
        add(content, new NSRecord(origin, DClass.IN, ttl, settings.serverName()));
        List<String> own = new ArrayList<>(settings.serviceNames());
        own.add(settings.nodeName());
        if (!own.contains("dns")) {
            own.add("dns");
        }
        for (String label : own) {
            add(content, new AAAARecord(ZoneNames.inZone(label, origin), DClass.IN, ttl, settings.nodeAddress()));
        }
        for (Entry entry : entries.values()) {
            add(content, new AAAARecord(entry.name(), DClass.IN, entry.ttl(), entry.address()));
        }
        if (signer != null) {
            add(content, signer.dnskey());
            addNsecChain(content);
        }
        NavigableMap<Name, Map<Integer, RRset>> names = new TreeMap<>();
        List<RRset> sets = new ArrayList<>();
        content.forEach((name, byType) -> {
            Map<Integer, RRset> rrsets = new TreeMap<>();
            byType.forEach((type, records) -> {
                RRset uniform = new RRset();
                long minimum = records.stream().mapToLong(Record::getTTL).min().orElse(ttl);
                records.stream().distinct().forEach(record -> uniform.addRR(withTtl(record, minimum)));
                sets.add(uniform);
                rrsets.put(type, signer == null ? uniform : signer.sign(uniform));
            });
            names.put(name, rrsets);
        });
        if (signer != null) {
            signer.retainOnly(sets);
        }
        snapshot = new ZoneSnapshot(origin, names, signer != null);
        listeners.forEach(Runnable::run);
    }

    /** RFC 2181 section 5.2: all records of an RRset share one TTL; the smallest one wins. */
    private static Record withTtl(Record record, long ttl) {
        if (record.getTTL() == ttl) {
            return record;
        }
        if (record instanceof AAAARecord aaaa) {
            return new AAAARecord(record.getName(), record.getDClass(), ttl, aaaa.getAddress());
        }
        throw new IllegalStateException("records of type " + Type.string(record.getType()) + " at "
                + record.getName() + " have different TTLs");
    }

    private void addNsecChain(NavigableMap<Name, Map<Integer, List<Record>>> content) {
        List<Name> owners = new ArrayList<>(content.keySet());
        for (int i = 0; i < owners.size(); i++) {
            Name owner = owners.get(i);
            Name next = owners.get((i + 1) % owners.size());
            List<Integer> types = new ArrayList<>(content.get(owner).keySet());
            types.add(Type.NSEC);
            types.add(Type.RRSIG);
            add(content, new NSECRecord(owner, DClass.IN, settings.negativeTtl(), next,
                    types.stream().mapToInt(Integer::intValue).toArray()));
        }
    }

    private static void add(NavigableMap<Name, Map<Integer, List<Record>>> content, Record record) {
        content.computeIfAbsent(record.getName(), name -> new TreeMap<>())
                .computeIfAbsent(record.getType(), type -> new ArrayList<>())
                .add(record);
    }
}
