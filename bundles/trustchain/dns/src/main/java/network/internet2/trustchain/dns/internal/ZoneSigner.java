package network.internet2.trustchain.dns.internal;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;

/**
 * Signs RRsets of the zone with its key (ECDSA P-256, DNSSEC algorithm 13,
 * RFC 6605). One combined signing key (flags 257: zone key + secure entry
 * point) signs everything, the DNSKEY RRset included.
 *
 * <p>Signatures are cached by RRset content, so rebuilding the zone after a
 * change re-signs only the RRsets that changed (the new record, its NSEC
 * neighbours, the SOA). A cached signature is reused while more than half of
 * its validity remains; past that the RRset is signed afresh.
 */
final class ZoneSigner {

    /** DNSKEY flags: ZONE (bit 7) and SEP (bit 15), RFC 4034 section 2.1.1. */
    static final int KEY_FLAGS = 257;
    /** DNSKEY protocol field, always 3 (RFC 4034 section 2.1.2). */
    static final int PROTOCOL = 3;
    /** Signatures start one hour in the past, for validators whose clocks lag. */
    private static final Duration INCEPTION_SKEW = Duration.ofHours(1);

    private final DNSKEYRecord dnskey;
    private final KeyPair keys;
    private final Duration validity;
    private final Clock clock;
    private final Map<String, RRSIGRecord> signatures = new ConcurrentHashMap<>();

    ZoneSigner(Name origin, KeyPair keys, long keyTtl, Duration validity, Clock clock) {
        if (validity.compareTo(Duration.ofHours(2)) < 0) {
            throw new IllegalArgumentException("signature validity must be at least two hours, got " + validity);
        }
        this.keys = keys;
        this.validity = validity;
        this.clock = clock;
        try {
            this.dnskey = new DNSKEYRecord(origin, DClass.IN, keyTtl, KEY_FLAGS, PROTOCOL,
                    DNSSEC.Algorithm.ECDSAP256SHA256, keys.getPublic());
        } catch (DNSSEC.DNSSECException e) {
            throw new IllegalArgumentException("the zone key is not an ECDSA P-256 key: " + e.getMessage(), e);
        }
    }

    DNSKEYRecord dnskey() {
        return dnskey;
    }

    /** @return the DS record (SHA-256, RFC 4509) a parent zone publishes to delegate to this one */
    DSRecord delegationSigner(long ttl) {
        return new DSRecord(dnskey.getName(), DClass.IN, ttl, DNSSEC.Digest.SHA256, dnskey);
    }

    /** @return {@code set} with a signature attached; {@code set} itself is not changed */
    RRset sign(RRset set) {
        String key = contentKey(set);
        Instant now = clock.instant();
        RRSIGRecord signature = signatures.get(key);
        if (signature == null || signature.getExpire().isBefore(now.plus(validity.dividedBy(2)))) {
            try {
                signature = DNSSEC.sign(set, dnskey, keys.getPrivate(), now.minus(INCEPTION_SKEW), now.plus(validity));
            } catch (DNSSEC.DNSSECException e) {
                throw new IllegalStateException("cannot sign " + set.getName() + " " + set.getType() + ": "
                        + e.getMessage(), e);
            }
            signatures.put(key, signature);
        }
        RRset signed = new RRset();
        for (Record record : set.rrs(false)) {
            signed.addRR(record);
        }
        signed.addRR(signature);
        return signed;
    }

    /** Forgets signatures of RRsets that are no longer in the zone. */
    void retainOnly(List<RRset> current) {
        var keep = current.stream().map(ZoneSigner::contentKey).collect(Collectors.toSet());
        for (Iterator<String> keys = signatures.keySet().iterator(); keys.hasNext();) {
            if (!keep.contains(keys.next())) {
                keys.remove();
            }
        }
    }

    /** @return the instant by which the zone must be rebuilt so that no signature passes half its validity */
    Instant refreshDue() {
        return signatures.values().stream()
                .map(signature -> signature.getExpire().minus(validity.dividedBy(2)))
                .min(Instant::compareTo)
                .orElse(clock.instant().plus(validity.dividedBy(2)));
    }

    private static String contentKey(RRset set) {
        return set.rrs(false).stream().map(Record::toString).sorted().collect(Collectors.joining("\n"));
    }
}
