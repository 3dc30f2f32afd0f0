package network.internet2.trustchain.ca.internal;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The issued certificates that are neither revoked nor expired, ordered by expiry so that counting them
 * costs only the removal of those that expired since the last count. Not thread-safe: the CA uses it
 * under its own lock.
 */
final class LiveCertificates {

    private record Live(Instant notAfter, BigInteger serial) {
    }

    private final TreeSet<Live> byExpiry = new TreeSet<>(
            Comparator.comparing(Live::notAfter).thenComparing(Live::serial));
    private final Map<BigInteger, Live> bySerial = new HashMap<>();

    void issued(BigInteger serial, Instant notAfter) {
        Live live = new Live(notAfter, serial);
        Live before = bySerial.put(serial, live);
        if (before != null) {
            byExpiry.remove(before);
        }
        byExpiry.add(live);
    }

    void revoked(BigInteger serial) {
        Live live = bySerial.remove(serial);
        if (live != null) {
            byExpiry.remove(live);
        }
    }

    /** @return how many are still valid at {@code now} (a certificate is valid up to its notAfter, inclusive) */
    int count(Instant now) {
        while (!byExpiry.isEmpty() && byExpiry.first().notAfter().isBefore(now)) {
            bySerial.remove(byExpiry.pollFirst().serial());
        }
        return byExpiry.size();
    }
}
