package network.internet2.stoq.transport.internal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import network.internet2.stoq.PeerRefusedException;
import network.internet2.stoq.RefusalReason;

/** Counters of one {@link StoqEndpoint}; cheap to update from any thread. */
public final class TransportCounters {

    final LongAdder connectionsOpened = new LongAdder();
    final LongAdder connectionsActive = new LongAdder();
    final LongAdder connectionsClosed = new LongAdder();
    final LongAdder connectionsOverLimit = new LongAdder();
    final LongAdder handshakesOk = new LongAdder();
    final LongAdder handshakesFailed = new LongAdder();
    final LongAdder streamsOpened = new LongAdder();
    final LongAdder streamsActive = new LongAdder();
    final LongAdder bytesIn = new LongAdder();
    final LongAdder bytesOut = new LongAdder();
    final LongAdder malformedHeaders = new LongAdder();
    final LongAdder unknownServices = new LongAdder();
    final LongAdder ipv4DatagramsDropped = new LongAdder();
    private final Map<RefusalReason, LongAdder> refusals;

    TransportCounters() {
        Map<RefusalReason, LongAdder> map = new EnumMap<>(RefusalReason.class);
        for (RefusalReason reason : RefusalReason.values()) {
            map.put(reason, new LongAdder());
        }
        refusals = Collections.unmodifiableMap(map);
    }

    private final RefusalLog refusalLog = new RefusalLog();

    /** Counts a refused peer by its reason and logs it once (rate-limited). */
    void refused(PeerRefusedException refusal) {
        refusals.get(refusal.reason()).increment();
        refusalLog.log(refusal);
    }

    /** @return connections whose handshake completed, since start */
    public long connectionsOpened() {
        return connectionsOpened.sum();
    }

    /** @return connections established and not yet closed */
    public long connectionsActive() {
        return connectionsActive.sum();
    }

    /** @return established connections that closed since start */
    public long connectionsClosed() {
        return connectionsClosed.sum();
    }

    /** @return incoming connections closed because {@code maxConnections} was reached */
    public long connectionsOverLimit() {
        return connectionsOverLimit.sum();
    }

    /** @return successful TLS handshakes */
    public long handshakesOk() {
        return handshakesOk.sum();
    }

    /** @return failed TLS handshakes (refusals by either side, missing certificates, protocol errors) */
    public long handshakesFailed() {
        return handshakesFailed.sum();
    }

    /** @return refusals of peers by this side for the given reason */
    public long refusals(RefusalReason reason) {
        return refusals.get(reason).sum();
    }

    /** @return streams opened in both directions and accepted for a service or the gate */
    public long streamsOpened() {
        return streamsOpened.sum();
    }

    /** @return streams open now, in both directions (application and admission streams) */
    public long streamsActive() {
        return streamsActive.sum();
    }

    /** @return stream payload bytes received (headers included) */
    public long bytesIn() {
        return bytesIn.sum();
    }

    /** @return stream payload bytes sent (headers included) */
    public long bytesOut() {
        return bytesOut.sum();
    }

    /** @return incoming streams reset for a malformed or late header */
    public long malformedHeaders() {
        return malformedHeaders.sum();
    }

    /** @return incoming streams naming a service this node does not offer */
    public long unknownServices() {
        return unknownServices.sum();
    }

    /** @return datagrams dropped because their sender was IPv4 or IPv4-mapped */
    public long ipv4DatagramsDropped() {
        return ipv4DatagramsDropped.sum();
    }

    /** @return every counter by name, e.g. for a health check or a shell command */
    public Map<String, Long> snapshot() {
        Map<String, Long> map = new LinkedHashMap<>();
        map.put("connections.opened", connectionsOpened());
        map.put("connections.active", connectionsActive());
        map.put("connections.closed", connectionsClosed());
        map.put("connections.over-limit", connectionsOverLimit());
        map.put("handshakes.ok", handshakesOk());
        map.put("handshakes.failed", handshakesFailed());
        for (RefusalReason reason : RefusalReason.values()) {
            map.put("refusals." + reason.label(), refusals(reason));
        }
        map.put("streams.opened", streamsOpened());
        map.put("streams.active", streamsActive());
        map.put("bytes.in", bytesIn());
        map.put("bytes.out", bytesOut());
        map.put("streams.malformed-header", malformedHeaders());
        map.put("streams.unknown-service", unknownServices());
        map.put("datagrams.ipv4-dropped", ipv4DatagramsDropped());
        return map;
    }
}
