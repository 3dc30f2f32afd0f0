package network.internet2.stoq.transport.internal;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import javax.net.ssl.SSLEngine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.quic.DefaultQuicStreamFrame;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicConnectionAddress;
import io.netty.handler.codec.quic.QuicConnectionCloseEvent;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.codec.quic.QuicStreamType;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import network.internet2.stoq.HandshakeStep;
import network.internet2.stoq.HandshakeTrace;
import network.internet2.stoq.PeerIdentity;
import network.internet2.stoq.PeerRefusedException;
import network.internet2.stoq.RefusalReason;
import network.internet2.stoq.StoqConnection;
import network.internet2.stoq.StoqException;
import network.internet2.stoq.StoqStream;
import network.internet2.stoq.StoqTransport;

/**
 * One QUIC connection, incoming or outgoing, from the first packet to the
 * close. It collects what the TLS layer learns (the peer identity or the local
 * refusal, recorded by {@link PeerTrustManager}), what the peer said when it
 * closed, and whether the handshake timed out, and turns that into the
 * exception the connecting caller gets.
 */
final class QuicConnection implements StoqConnection {

    private static final Logger LOG = LoggerFactory.getLogger(QuicConnection.class);

    private final StoqEndpoint endpoint;
    private final boolean client;
    private final InetSocketAddress remote;
    private final TransportCounters counters;
    private final ConnectionHandler handler = new ConnectionHandler();
    private final AtomicBoolean closedOnce = new AtomicBoolean();
    /** Held from the check of the peer's stream credit until the stream exists (see {@link #open}). */
    private final ReentrantLock streamOpening = new ReentrantLock();
    private volatile boolean closeRequested;
    private final LinkedBlockingQueue<QuicStoqStream> admissionStreams = new LinkedBlockingQueue<>();

    /** Completes when the handshake and the admission succeeded; fails with the caller's exception otherwise. */
    final CompletableFuture<QuicConnection> ready = new CompletableFuture<>();
    /** Completes when the gate admitted the peer; incoming application streams wait for it. */
    final CompletableFuture<Void> admitted = new CompletableFuture<>();
    /**
     * Client side: completes when the server confirmed it accepted us. In TLS 1.3 the client finishes its
     * handshake before the server has checked the client certificate, so a client that did not wait would
     * report success for a connection the server is about to refuse.
     */
    private final CompletableFuture<Void> confirmed = new CompletableFuture<>();

    private volatile QuicChannel channel;
    private volatile SSLEngine engine;
    private volatile PeerIdentity peer;
    private volatile PeerRefusedException localRefusal;
    private volatile QuicConnectionCloseEvent closeEvent;
    private volatile boolean timedOut;
    private volatile Throwable handshakeFailure;
    private volatile boolean established;
    private volatile boolean countedIncoming;
    private volatile ScheduledFuture<?> timeout;

    /** When the QUIC handshake started: this object is made for the first packet either way. */
    private final long startNanos = System.nanoTime();
    private final HandshakeRecorder trace;
    /** A TLS handshake step (passed or failed) is in the trace. */
    private final AtomicBoolean handshakeTraced = new AtomicBoolean();
    private volatile long gateEndNanos;
    /** The QUIC connection IDs, kept to find this connection's other end when it is this same endpoint. */
    private volatile QuicConnectionAddress localId;
    private volatile QuicConnectionAddress remoteId;

    QuicConnection(StoqEndpoint endpoint, boolean client, InetSocketAddress remote, TransportCounters counters) {
        this.endpoint = endpoint;
        this.client = client;
        this.remote = remote;
        this.counters = counters;
        this.trace = new HandshakeRecorder(client ? HandshakeStep.Side.CLIENT : HandshakeStep.Side.SERVER);
        ready.whenComplete((ok, failure) -> endpoint.observer().handshakeFinished(client, failure == null,
                System.nanoTime() - startNanos));
    }

    /** @return who hears of this connection's handshake and bulk streams */
    TransportObserver observer() {
        return endpoint.observer();
    }

    /** @return where this connection's validation steps are recorded */
    HandshakeRecorder trace() {
        return trace;
    }

    /**
     * @return the source connection ID this side used at the handshake (the client's is the server's destination
     *         ID), or {@code null} if none was seen
     */
    QuicConnectionAddress localId() {
        return localId;
    }

    /** @return the destination connection ID this side sent to at the handshake, or {@code null} */
    QuicConnectionAddress remoteId() {
        return remoteId;
    }

    /** Reads the connection IDs from quiche: on the event loop only. */
    private void captureIds() {
        QuicChannel ch = channel;
        if (ch != null && ch.isOpen()) {
            QuicConnectionAddress local = ch.localAddress();
            if (local != null) {
                localId = local;
            }
            QuicConnectionAddress peerId = ch.remoteAddress();
            if (peerId != null) {
                remoteId = peerId;
            }
        }
    }

    private void traceHandshake(boolean passed, String failure) {
        if (!handshakeTraced.compareAndSet(false, true)) {
            return;
        }
        long now = System.nanoTime();
        if (!passed) {
            trace.step(TLS_STEP, false, failure, startNanos, now);
            return;
        }
        SSLEngine sslEngine = engine;
        javax.net.ssl.SSLSession session = sslEngine == null ? null : sslEngine.getSession();
        String protocol = session == null ? "TLS" : session.getProtocol();
        String cipher = session == null ? "an unknown cipher" : session.getCipherSuite();
        String alpn = sslEngine == null ? null : sslEngine.getApplicationProtocol();
        java.util.List<String> groups = endpoint.settings().keyExchangeGroups();
        trace.step(TLS_STEP, true, () -> "QUIC with " + protocol + " (" + cipher + "), ALPN "
                + (alpn == null || alpn.isEmpty() ? StoqTransport.ALPN : alpn) + ", key exchange "
                + (groups.size() == 1 ? groups.get(0) + " (the only group offered and accepted)"
                        : "one of " + groups + " (all post-quantum; Netty does not report which one was chosen)")
                + "; the time includes this side's checks of the peer's certificate", startNanos, now);
    }

    /** The name of the QUIC/TLS handshake's step in the trace. */
    static final String TLS_STEP = "tls-handshake";

    /** Records the connection gate's step (worker thread). */
    void traceGate(String name, boolean passed, String detail, long start, long end) {
        gateEndNanos = end;
        trace.step(name, passed, detail, start, end);
    }

    ChannelInboundHandlerAdapter handler() {
        return handler;
    }

    boolean client() {
        return client;
    }

    QuicChannel channel() {
        return channel;
    }

    void bind(QuicChannel quicChannel, SSLEngine sslEngine) {
        channel = quicChannel;
        engine = sslEngine;
    }

    SSLEngine engine() {
        return engine;
    }

    // ---- called by the trust manager (handshake thread) ----

    void peerVerified(PeerIdentity identity) {
        peer = identity;
    }

    void refusedLocally(PeerRefusedException refusal) {
        localRefusal = refusal;
    }

    // ---- StoqConnection ----

    @Override
    public PeerIdentity peer() {
        return peer;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public StoqStream openStream(String service) throws StoqException {
        requireApplicationService(service);
        return open(service, QuicStreamType.BIDIRECTIONAL, false);
    }

    @Override
    public StoqStream openUnidirectionalStream(String service) throws StoqException {
        requireApplicationService(service);
        return open(service, QuicStreamType.UNIDIRECTIONAL, false);
    }

    /**
     * The service name of the unidirectional stream a server opens once it has checked the client's
     * certificate, found room for the connection and admitted the client; the client's connect waits for it.
     */
    static final String READY_SERVICE = "stoq.ready";

    private static void requireApplicationService(String service) throws StoqException {
        if (ConnectionGate.ADMISSION_SERVICE.equals(service) || READY_SERVICE.equals(service)) {
            throw new StoqException("the service name '" + service + "' is reserved for the connection gate");
        }
    }

    @Override
    public HandshakeTrace handshakeTrace() {
        return endpoint.traceOf(this);
    }

    /** @return whether the connection was admitted (its {@link #ready} completed normally) */
    boolean admittedOk() {
        return ready.isDone() && !ready.isCompletedExceptionally();
    }

    @Override
    public boolean isOpen() {
        QuicChannel ch = channel;
        return ch != null && ch.isActive() && admitted.isDone() && !admitted.isCompletedExceptionally()
                && !closedOnce.get() && !closeRequested;
    }

    @Override
    public void close() {
        // closing is asynchronous: from now on the pool must not hand this connection out again
        closeRequested = true;
        QuicChannel ch = channel;
        if (ch != null && ch.isOpen()) {
            ch.close(true, StoqErrorCodes.NO_ERROR, Unpooled.copiedBuffer("closed", StandardCharsets.UTF_8));
        }
    }

    @Override
    public String toString() {
        return (client ? "connection to " : "connection from ") + remote;
    }

    StoqStream open(String service, QuicStreamType type, boolean forAdmission) throws StoqException {
        byte[] header;
        try {
            header = StreamHeader.encode(service);
        } catch (IllegalArgumentException e) {
            throw new StoqException("cannot open a stream: " + e.getMessage(), e);
        }
        QuicChannel ch = channel;
        if (ch == null || !ch.isActive() || closedOnce.get()) {
            throw new StoqException("the " + this + " is closed");
        }
        if (!forAdmission && !(admitted.isDone() && !admitted.isCompletedExceptionally())) {
            throw new StoqException("the " + this + " is not admitted");
        }
        if (ch.eventLoop().inEventLoop()) {
            throw new IllegalStateException("streams are opened from a worker or caller thread, never the event loop");
        }
        // Netty keeps its own count of the peer's stream credit, lowered per stream created and read again from
        // quiche only when it is exactly 0: checking it and creating the stream must be one step per connection,
        // or concurrent openers drive it below 0, where it is never read again and the connection can no longer
        // open streams (found by benchmarks/hypermesh-assets with 4 callers on one connection)
        long creditDeadline = System.nanoTime() + endpoint.settings().handshakeTimeout().toNanos();
        try {
            if (!streamOpening.tryLock(endpoint.settings().handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StoqException("opening a stream on the " + this + " waited longer than "
                        + endpoint.settings().handshakeTimeout().toMillis() + " ms for the streams opened before it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoqException("interrupted while opening a stream on the " + this);
        }
        try {
            return openLocked(ch, service, type, header, creditDeadline);
        } finally {
            streamOpening.unlock();
        }
    }

    private StoqStream openLocked(QuicChannel ch, String service, QuicStreamType type, byte[] header,
            long creditDeadline) throws StoqException {
        // the peer's stream credit can read 0 for a moment (just after admission, or until its MAX_STREAMS
        // arrives once streams finish): wait for it, bounded like a handshake, before calling the limit reached
        while (ch.peerAllowedStreams(type) <= 0) {
            if (System.nanoTime() - creditDeadline > 0 || !ch.isActive()) {
                throw new StoqException("the stream limit of the " + this + " is reached ("
                        + type.name().toLowerCase() + " streams); wait for streams to finish or open another "
                        + "connection");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        boolean bidirectional = type == QuicStreamType.BIDIRECTIONAL;
        QuicStoqStream stream = new QuicStoqStream(this, service, bidirectional, true, counters);
        Future<QuicStreamChannel> created = ch.createStream(type, stream.handler());
        long waitMillis = endpoint.settings().handshakeTimeout().toMillis();
        if (!created.awaitUninterruptibly(waitMillis, TimeUnit.MILLISECONDS)) {
            created.cancel(false);
            throw new StoqException("opening a stream on the " + this + " took longer than " + waitMillis + " ms");
        }
        if (!created.isSuccess()) {
            throw new StoqException("cannot open a stream to service '" + service + "' on the " + this + ": "
                    + created.cause(), created.cause());
        }
        stream.attach(created.getNow());
        stream.writeHeader(header);
        counters.streamsOpened.increment();
        return stream;
    }

    // ---- incoming streams (event loop) ----

    /** Routes a stream whose header has been read. */
    void dispatch(QuicStoqStream stream) {
        if (READY_SERVICE.equals(stream.service())) {
            if (client && established && !stream.bidirectional()) {
                confirmed.complete(null);
                stream.close();
            } else {
                stream.reset(StoqErrorCodes.STREAM_NOT_ADMITTED);
            }
            return;
        }
        if (ConnectionGate.ADMISSION_SERVICE.equals(stream.service())) {
            if (established && !admitted.isDone()) {
                counters.streamsOpened.increment();
                if (stream.bidirectional()) {
                    stream.sendStatusOk();
                }
                admissionStreams.add(stream);
            } else {
                stream.reset(StoqErrorCodes.STREAM_NOT_ADMITTED);
            }
            return;
        }
        admitted.whenComplete((ok, failure) -> {
            QuicStreamChannel ch = stream.channel();
            if (failure != null) {
                stream.reset(StoqErrorCodes.STREAM_NOT_ADMITTED);
            } else if (ch.eventLoop().inEventLoop()) {
                endpoint.route(stream);
            } else {
                ch.eventLoop().execute(() -> endpoint.route(stream));
            }
        });
    }

    // ---- lifecycle (event loop unless noted) ----

    private void onHandshake() {
        if (peer == null) {
            // Cannot happen with a mandatory certificate; refuse rather than serve an anonymous peer.
            LOG.warn("The {} completed TLS without a checked peer certificate; it is closed. Report this as a bug.", this);
            fail(new StoqException("the " + this + " completed TLS without a checked peer certificate"));
            channel.close();
            return;
        }
        established = true;
        captureIds();
        traceHandshake(true, null);
        counters.handshakesOk.increment();
        counters.connectionsOpened.increment();
        counters.connectionsActive.increment();
        if (!client) {
            long limitCheck = System.nanoTime();
            boolean room = endpoint.admitIncoming();
            trace.step("connection-limit", room, room ? "room for the connection (at most "
                    + endpoint.settings().maxConnections() + " incoming)" : "the node serves "
                    + endpoint.settings().maxConnections() + " incoming connections already", limitCheck,
                    System.nanoTime());
            if (!room) {
                counters.connectionsOverLimit.increment();
                LOG.debug("Closing the {}: {} incoming connections are served already", this,
                        endpoint.settings().maxConnections());
                fail(new StoqException("connection limit reached"));
                closeWith(StoqErrorCodes.CONNECTION_LIMIT, "too many connections; the node serves "
                        + endpoint.settings().maxConnections() + " at most, retry later");
                return;
            }
            countedIncoming = true;
        }
        endpoint.runGate(this, new AdmissionView());
    }

    /** Called on a worker after the gate finished. */
    void gateDone(Throwable failure) {
        if (failure == null) {
            if (!admitted.complete(null)) {
                return;
            }
            if (client) {
                confirmed.whenComplete((ok, notConfirmed) -> {
                    trace.step("server-admission", notConfirmed == null, notConfirmed == null
                            ? "the server checked this node's certificate and its possession proof, and admitted it"
                            : "the server did not confirm the connection: " + notConfirmed.getMessage(),
                            gateEndNanos, System.nanoTime());
                    if (notConfirmed == null && ready.complete(this)) {
                        cancelTimeout();
                    }
                });
            } else {
                confirmToClient();
                if (ready.complete(this)) {
                    cancelTimeout();
                }
            }
            return;
        }
        StoqException error;
        if (failure instanceof PeerRefusedException refusal) {
            counters.refused(refusal);
            error = refusal;
        } else if (failure instanceof StoqException e) {
            error = e;
        } else {
            LOG.warn("The connection gate failed on the {}; the peer is refused. Fix the gate: {}", this,
                    failure.toString(), failure);
            error = new StoqException("the connection gate failed: " + failure, failure);
        }
        admitted.completeExceptionally(error);
        fail(error);
        closeWith(StoqErrorCodes.ADMISSION_REFUSED, error.getMessage());
    }

    private void cancelTimeout() {
        ScheduledFuture<?> t = timeout;
        if (t != null) {
            t.cancel(false);
        }
    }

    /** Server side: tells the client it is accepted (see {@link #READY_SERVICE}). */
    private void confirmToClient() {
        QuicChannel ch = channel;
        byte[] header = StreamHeader.encode(READY_SERVICE);
        ch.createStream(QuicStreamType.UNIDIRECTIONAL, new ChannelInboundHandlerAdapter()).addListener(f -> {
            if (f.isSuccess()) {
                QuicStreamChannel stream = (QuicStreamChannel) f.getNow();
                counters.bytesOut.add(header.length);
                stream.writeAndFlush(new DefaultQuicStreamFrame(
                        stream.alloc().directBuffer(header.length).writeBytes(header), true));
            } else {
                LOG.debug("Cannot confirm the {}: {}", this, f.cause().toString());
                closeWith(StoqErrorCodes.ADMISSION_REFUSED, "cannot confirm the connection: " + f.cause());
            }
        });
    }

    private void onTimeout() {
        if (ready.isDone()) {
            return;
        }
        timedOut = true;
        long millis = endpoint.settings().handshakeTimeout().toMillis();
        PeerRefusedException refusal = new PeerRefusedException(RefusalReason.HANDSHAKE_TIMEOUT,
                "no completed handshake and admission with " + remote + " within " + millis + " ms");
        counters.refused(refusal);
        fail(refusal);
        admitted.completeExceptionally(new StoqException("handshake timeout"));
        if (established) {
            closeWith(StoqErrorCodes.ADMISSION_TIMEOUT, "admission did not finish within " + millis + " ms");
        } else {
            QuicChannel ch = channel;
            if (ch != null) {
                ch.close();
            }
        }
    }

    void closeWith(int code, String reason) {
        QuicChannel ch = channel;
        if (ch != null && ch.isOpen()) {
            String text = reason.length() > 200 ? reason.substring(0, 200) : reason;
            ch.close(true, code, Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
        }
    }

    private void onClosed() {
        if (!closedOnce.compareAndSet(false, true)) {
            return;
        }
        if (timeout != null) {
            timeout.cancel(false);
        }
        if (established) {
            counters.connectionsActive.decrement();
            counters.connectionsClosed.increment();
            if (countedIncoming) {
                endpoint.releaseIncoming();
            }
        } else {
            counters.handshakesFailed.increment();
        }
        StoqException failure = describeFailure(null);
        traceHandshake(false, failure.getMessage());
        if (!client && !admittedOk()) {
            endpoint.rememberFailedIncoming(this);
        }
        fail(failure);
        admitted.completeExceptionally(failure);
        confirmed.completeExceptionally(failure);
        QuicStoqStream pending;
        while ((pending = admissionStreams.poll()) != null) {
            pending.close();
        }
        endpoint.forget(this);
    }

    void fail(StoqException failure) {
        if (!established) {
            // in the trace before the caller hears of the failure
            traceHandshake(false, failure.getMessage());
        }
        ready.completeExceptionally(failure);
    }

    /** @return the exception that best explains why the connection failed, for the connecting caller */
    StoqException describeFailure(Throwable cause) {
        PeerRefusedException refusal = localRefusal;
        if (refusal != null) {
            return refusal;
        }
        if (timedOut) {
            return new PeerRefusedException(RefusalReason.HANDSHAKE_TIMEOUT, "no completed handshake with " + remote
                    + " within " + endpoint.settings().handshakeTimeout().toMillis() + " ms");
        }
        QuicConnectionCloseEvent event = closeEvent;
        if (event != null) {
            byte[] bytes = reasonOf(event);
            String reason = bytes == null || bytes.length == 0 ? "" : ": " + new String(bytes, StandardCharsets.UTF_8);
            if (event.isTlsError()) {
                int alert = QuicConnectionCloseEvent.extractTlsError(event.error());
                return new StoqException("the peer " + remote + " closed the handshake with TLS alert " + alert + " ("
                        + StoqErrorCodes.tlsAlertName(alert) + ")" + reason);
            }
            if (event.isApplicationClose()) {
                return new StoqException("the peer " + remote + " closed the connection ("
                        + StoqErrorCodes.name(event.error()) + ")" + reason);
            }
            return new StoqException("the peer " + remote + " closed the connection with QUIC error 0x"
                    + Integer.toHexString(event.error()) + reason);
        }
        Throwable failure = cause != null ? cause : handshakeFailure;
        if (failure != null) {
            return new StoqException("the " + this + " failed: " + failure, failure);
        }
        return new StoqException("the " + this + " closed before it was established");
    }

    private static byte[] reasonOf(QuicConnectionCloseEvent event) {
        try {
            return event.reason();
        } catch (NullPointerException e) {
            // Netty 4.2.18 clones a null reason when the close carried none
            return null;
        }
    }

    /** Handler on the QUIC connection's pipeline. */
    private final class ConnectionHandler extends ChannelInboundHandlerAdapter {

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            QuicChannel ch = (QuicChannel) ctx.channel();
            channel = ch;
            ch.closeFuture().addListener(f -> onClosed());
            Duration limit = endpoint.settings().handshakeTimeout();
            timeout = ctx.executor().schedule(QuicConnection.this::onTimeout, limit.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof SslHandshakeCompletionEvent handshake) {
                if (handshake.isSuccess()) {
                    onHandshake();
                } else {
                    handshakeFailure = handshake.cause();
                    captureIds();
                    // No close here: on the server that would suppress the TLS alert to the client.
                }
            } else if (event instanceof QuicConnectionCloseEvent close) {
                LOG.debug("The {} is closing: {}", QuicConnection.this, close);
                closeEvent = close;
                captureIds();
                if (!ready.isDone()) {
                    fail(describeFailure(null));
                }
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (!established) {
                handshakeFailure = cause;
            }
            LOG.debug("Error on the {}: {}", QuicConnection.this, cause.toString());
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            onClosed();
            ctx.fireChannelInactive();
        }
    }

    /** What the gate sees of the connection. */
    private final class AdmissionView implements Admission {

        @Override
        public QuicChannel channel() {
            return channel;
        }

        @Override
        public PeerIdentity peer() {
            return peer;
        }

        @Override
        public boolean client() {
            return client;
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return remote;
        }

        @Override
        public StoqStream openStream() throws StoqException {
            return open(ConnectionGate.ADMISSION_SERVICE, QuicStreamType.BIDIRECTIONAL, true);
        }

        @Override
        public StoqStream acceptStream(Duration wait) throws StoqException {
            long deadline = System.nanoTime() + wait.toNanos();
            try {
                for (;;) {
                    QuicStoqStream stream = admissionStreams.poll(100, TimeUnit.MILLISECONDS);
                    if (stream != null) {
                        return stream;
                    }
                    if (closedOnce.get()) {
                        throw new StoqException("the " + QuicConnection.this + " closed during admission");
                    }
                    if (System.nanoTime() - deadline > 0) {
                        throw new StoqException("the peer opened no admission stream within " + wait.toMillis() + " ms");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoqException("interrupted while waiting for an admission stream", e);
            }
        }
    }
}
