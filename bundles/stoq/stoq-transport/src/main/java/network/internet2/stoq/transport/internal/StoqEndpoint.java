package network.internet2.stoq.transport.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javax.net.ssl.SSLEngine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ChannelInputShutdownReadComplete;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.quic.BoringSSLContextOption;
import io.netty.handler.codec.quic.Quic;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicChannelOption;
import io.netty.handler.codec.quic.QuicClientCodecBuilder;
import io.netty.handler.codec.quic.QuicCodecBuilder;
import io.netty.handler.codec.quic.QuicCodecDispatcher;
import io.netty.handler.codec.quic.QuicConnectionIdGenerator;
import io.netty.handler.codec.quic.QuicCongestionControlAlgorithm;
import io.netty.handler.codec.quic.QuicServerCodecBuilder;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.handler.codec.quic.QuicSslEngine;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.codec.quic.QuicStreamType;
import io.netty.handler.ssl.ClientAuth;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import network.internet2.stoq.HandshakeTrace;
import network.internet2.stoq.PeerRefusedException;
import network.internet2.stoq.RefusalReason;
import network.internet2.stoq.StoqConnection;
import network.internet2.stoq.StoqException;
import network.internet2.stoq.StoqService;
import network.internet2.stoq.StoqTransport;

/**
 * The STOQ transport of one node: a QUIC listener on one IPv6 address and port,
 * and a client socket for outgoing connections, pooled per peer address.
 *
 * <p>Life cycle: construct, {@link #start()}, {@link #close()}. Every thread the
 * endpoint uses (event loops, workers) is created in {@code start} and ended in
 * {@code close}.
 */
public final class StoqEndpoint implements StoqTransport, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoqEndpoint.class);
    private static final AttributeKey<QuicConnection> CONNECTION = AttributeKey.valueOf(StoqEndpoint.class, "connection");
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final int WORKER_QUEUE_PER_THREAD = 16;

    private final TransportSettings settings;
    private final PeerCheck peerCheck;
    private final ConnectionGate gate;
    private final ServiceDirectory directory;
    private final Function<String, List<Inet6Address>> resolver;
    private final TransportCounters counters = new TransportCounters();
    private final NodeKeyManager keyManager;
    private final Map<SSLEngine, QuicConnection> engines = new ConcurrentHashMap<>();
    private final Set<QuicConnection> live = ConcurrentHashMap.newKeySet();
    private final Map<InetSocketAddress, CompletableFuture<QuicConnection>> pool = new ConcurrentHashMap<>();
    private final AtomicInteger incoming = new AtomicInteger();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final StreamInitializer streamInitializer = new StreamInitializer();
    private final String name;

    private volatile EventLoopGroup group;
    private volatile ThreadPoolExecutor workers;
    private UdpOffload offload;
    private volatile Channel serverChannel;
    private volatile List<Channel> serverChannels = List.of();
    private volatile Channel clientChannel;
    private volatile QuicSslContext serverTls;
    private volatile QuicSslContext clientTls;
    private volatile boolean nativeTransport;
    private volatile TransportObserver observer = TransportObserver.NONE;
    /** Incoming connections that failed lately, so that a client's trace can show why this endpoint refused it. */
    private final java.util.ArrayDeque<QuicConnection> failedIncoming = new java.util.ArrayDeque<>();
    private static final int FAILED_INCOMING_KEPT = 16;

    /**
     * @param settings   validated settings
     * @param keys       this node's key and certificate chain, read at every handshake
     * @param peerCheck  decides on every peer certificate chain, both directions
     * @param gate       admits peers after the handshake (the possession proof)
     * @param directory  finds the service an incoming stream names
     * @param resolver   the stack's name service: name to IPv6 addresses; never the JDK resolver
     */
    public StoqEndpoint(TransportSettings settings, Supplier<NodeKeys> keys, PeerCheck peerCheck, ConnectionGate gate,
            ServiceDirectory directory, Function<String, List<Inet6Address>> resolver) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.keyManager = new NodeKeyManager(Objects.requireNonNull(keys, "keys"));
        this.peerCheck = Objects.requireNonNull(peerCheck, "peerCheck");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.name = "stoq-" + Integer.toHexString(System.identityHashCode(this));
    }

    /**
     * Binds the listener and the client socket and starts the threads.
     *
     * @throws StoqException if the native QUIC library is missing or the address cannot be bound
     */
    public void start() throws StoqException {
        if (closed.get()) {
            throw new StoqException("the endpoint is closed; create a new one");
        }
        if (!started.compareAndSet(false, true)) {
            return;
        }
        try {
            Quic.ensureAvailability();
        } catch (Throwable e) {
            throw new StoqException("Netty's native QUIC library is not available on this platform ("
                    + e + "); install netty-codec-native-quic for this OS and CPU", e);
        }
        nativeTransport = Epoll.isAvailable();
        offload = new UdpOffload(nativeTransport, settings.udpOffload(), settings.maxUdpPayload());
        IoHandlerFactory ioHandlers = nativeTransport ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        group = new MultiThreadIoEventLoopGroup(settings.eventLoopThreads(), new DefaultThreadFactory(name + "-io"),
                ioHandlers);
        workers = new ThreadPoolExecutor(settings.workerThreads(), settings.workerThreads(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.workerThreads() * WORKER_QUEUE_PER_THREAD),
                namedThreads(name + "-worker"));
        workers.allowCoreThreadTimeOut(true);
        try {
            PeerTrustManager trust = new PeerTrustManager(peerCheck, engines, counters);
            String[] groups = settings.keyExchangeGroups().toArray(new String[0]);
            serverTls = QuicSslContextBuilder.forServer(keyManager.factory(), null)
                    .trustManager(trust.factory())
                    .clientAuth(ClientAuth.REQUIRE)
                    .applicationProtocols(ALPN)
                    .option(BoringSSLContextOption.GROUPS, groups)
                    .earlyData(false)
                    .build();
            clientTls = QuicSslContextBuilder.forClient()
                    .keyManager(keyManager.factory(), null)
                    .trustManager(trust.factory())
                    // names are checked by the PeerCheck and connect(name), not by HTTPS rules
                    .endpointIdentificationAlgorithm(null)
                    .applicationProtocols(ALPN)
                    .option(BoringSSLContextOption.GROUPS, groups)
                    .earlyData(false)
                    .build();

            java.util.function.Supplier<QuicServerCodecBuilder> serverCodec = () -> transportParameters(new QuicServerCodecBuilder())
                    .sslEngineProvider(ch -> newEngine(serverTls, ch))
                    .tokenHandler(NoRetryTokenHandler.INSTANCE)
                    .option(QuicChannelOption.SEGMENTED_DATAGRAM_PACKET_ALLOCATOR, offload.segmentedAllocator())
                    .handler(new ChannelInitializer<QuicChannel>() {
                        @Override
                        protected void initChannel(QuicChannel ch) {
                            ch.pipeline().addLast(connectionOf(ch).handler());
                        }
                    })
                    .streamHandler(streamInitializer);
            ChannelHandler clientCodec = transportParameters(new QuicClientCodecBuilder())
                    .sslEngineProvider(ch -> newEngine(clientTls, ch))
                    .build();

            InetSocketAddress listen = new InetSocketAddress(settings.bindAddress(), settings.port());
            serverChannel = bindListeners(serverCodec, listen);
            InetSocketAddress clientBind = new InetSocketAddress(
                    settings.bindAddress().isLoopbackAddress() ? settings.bindAddress() : anyIpv6(), 0);
            clientChannel = datagramBootstrap(clientCodec).bind(clientBind).sync().channel();
            LOG.info("STOQ listening on {} (QUIC, ALPN {}, groups {}, {} transport, {} socket(s), {}, congestion control"
                    + " {}, socket buffers {} / {} bytes)", serverChannel.localAddress(), ALPN, settings.keyExchangeGroups(),
                    nativeTransport ? "epoll" : "NIO", serverChannels.size(), offload.gso() ? "UDP GSO/GRO" : "no UDP offload",
                    settings.congestionControl(), serverChannel.config().getOption(ChannelOption.SO_RCVBUF),
                    serverChannel.config().getOption(ChannelOption.SO_SNDBUF));
        } catch (Exception e) {
            close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new StoqException("cannot start the STOQ listener on [" + settings.bindAddress().getHostAddress()
                    + "]:" + settings.port() + ": " + e, e);
        }
    }

    /**
     * Binds the listener: with epoll, one socket per event loop on the same port (SO_REUSEPORT), so incoming
     * connections spread over the cores. The kernel picks a socket by hashing the peer's address and port; each
     * socket's QUIC codec writes its index into the connection IDs it issues, and Netty's
     * {@link QuicCodecDispatcher} hands every short-header packet to the codec its destination connection ID
     * names — so a connection's packets reach the codec that holds it even if they arrive on another socket.
     *
     * @return the first socket (the others share its address)
     */
    private Channel bindListeners(java.util.function.Supplier<QuicServerCodecBuilder> codec, InetSocketAddress listen)
            throws InterruptedException {
        int sockets = nativeTransport ? settings.eventLoopThreads() : 1;
        ChannelHandler handler = sockets == 1 ? codec.get().build() : new QuicCodecDispatcher() {
            @Override
            protected void initChannel(Channel channel, int connectionIdLength, QuicConnectionIdGenerator ids) {
                channel.pipeline().addLast(codec.get().localConnectionIdLength(connectionIdLength)
                        .connectionIdAddressGenerator(ids).build());
            }
        };
        List<Channel> bound = new ArrayList<>();
        InetSocketAddress address = listen;
        for (int i = 0; i < sockets; i++) {
            Bootstrap bootstrap = datagramBootstrap(handler);
            if (sockets > 1) {
                bootstrap.option(io.netty.channel.epoll.EpollChannelOption.SO_REUSEPORT, true);
            }
            Channel channel = bootstrap.bind(address).sync().channel();
            bound.add(channel);
            address = (InetSocketAddress) channel.localAddress();
            serverChannels = List.copyOf(bound);
        }
        return bound.get(0);
    }

    private static Inet6Address anyIpv6() {
        try {
            return (Inet6Address) InetAddress.getByAddress(new byte[16]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ThreadFactory namedThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(false);
            return thread;
        };
    }

    private <B extends QuicCodecBuilder<B>> B transportParameters(B builder) {
        return builder
                .maxIdleTimeout(settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .congestionControlAlgorithm(QuicCongestionControlAlgorithm.valueOf(
                        settings.congestionControl().toUpperCase(java.util.Locale.ROOT)))
                .maxSendUdpPayloadSize(settings.maxUdpPayload())
                .maxRecvUdpPayloadSize(settings.maxUdpPayload())
                .initialMaxData(settings.connectionWindowBytes())
                .initialMaxStreamDataBidirectionalLocal(settings.streamWindowBytes())
                .initialMaxStreamDataBidirectionalRemote(settings.streamWindowBytes())
                .initialMaxStreamDataUnidirectional(settings.streamWindowBytes())
                .initialMaxStreamsBidirectional(settings.maxBidirectionalStreams())
                .initialMaxStreamsUnidirectional(settings.maxUnidirectionalStreams())
                .activeMigration(false);
    }

    private Bootstrap datagramBootstrap(ChannelHandler codec) {
        ChannelFactory<DatagramChannel> factory = nativeTransport
                ? () -> new EpollDatagramChannel(SocketProtocolFamily.INET6)
                : () -> new NioDatagramChannel(SocketProtocolFamily.INET6);
        Bootstrap bootstrap = new Bootstrap().group(group).channelFactory(factory)
                .handler(new ChannelInitializer<DatagramChannel>() {
                    @Override
                    protected void initChannel(DatagramChannel ch) {
                        ch.pipeline().addLast(new Ipv6OnlyFilter(), codec);
                    }
                });
        offload.configure(bootstrap);
        if (settings.socketBufferBytes() > 0) {
            bootstrap.option(ChannelOption.SO_RCVBUF, settings.socketBufferBytes())
                    .option(ChannelOption.SO_SNDBUF, settings.socketBufferBytes());
        }
        return bootstrap;
    }

    private QuicConnection connectionOf(QuicChannel ch) {
        QuicConnection connection = ch.attr(CONNECTION).get();
        if (connection == null) {
            // an incoming connection: the server codec made the channel
            InetSocketAddress remote = (InetSocketAddress) ch.remoteSocketAddress();
            connection = new QuicConnection(this, false, remote, counters);
            QuicConnection existing = ch.attr(CONNECTION).setIfAbsent(connection);
            if (existing != null) {
                return existing;
            }
            live.add(connection);
            if (closed.get()) {
                ch.close();
            }
        }
        return connection;
    }

    private QuicSslEngine newEngine(QuicSslContext context, QuicChannel ch) {
        QuicConnection connection = connectionOf(ch);
        QuicSslEngine engine = context.newEngine(ch.alloc());
        connection.bind(ch, engine);
        engines.put(engine, connection);
        return engine;
    }

    // ---- StoqTransport ----

    @Override
    public StoqConnection connect(String peerName, int port) throws StoqException {
        return connectByName(peerName, port, false);
    }

    @Override
    public StoqConnection connectNew(String peerName, int port) throws StoqException {
        return connectByName(peerName, port, true);
    }

    /** Name resolution and the IPv6 checks of {@link #connect(String, int)}; {@code fresh}: never pooled. */
    private StoqConnection connectByName(String peerName, int port, boolean fresh) throws StoqException {
        Objects.requireNonNull(peerName, "peerName");
        String host = peerName.strip();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
            throw new StoqException("the peer name is empty");
        }
        if (host.indexOf(':') >= 0) {
            Inet6Address literal;
            try {
                literal = TransportSettings.ipv6Literal(host);
            } catch (IllegalArgumentException e) {
                throw refused(new PeerRefusedException(RefusalReason.IPV4_ADDRESS, e.getMessage()));
            }
            InetSocketAddress address = new InetSocketAddress(literal, port);
            return fresh ? connectFresh(address, null) : connect(address);
        }
        if (IPV4_LITERAL.matcher(host).matches()) {
            throw refused(new PeerRefusedException(RefusalReason.IPV4_ADDRESS,
                    "'" + host + "' is an IPv4 address; STOQ is IPv6 only"));
        }
        long resolving = System.nanoTime();
        List<Inet6Address> addresses;
        try {
            addresses = resolver.apply(host);
        } catch (RuntimeException e) {
            throw resolutionFailed(new StoqException("resolving '" + host + "' failed: " + e.getMessage(), e),
                    resolving, fresh);
        }
        List<Inet6Address> usable = new ArrayList<>();
        if (addresses != null) {
            for (Inet6Address address : addresses) {
                if (address != null && !TransportSettings.isIpv4OrMapped(address)) {
                    usable.add(address);
                }
            }
        }
        if (usable.isEmpty()) {
            throw resolutionFailed(new StoqException("'" + host
                    + "' does not resolve to any IPv6 address (STOQ is IPv6 only)"), resolving, fresh);
        }
        HandshakeRecorder.Entry resolution = resolutionStep(true, host + " resolves to " + String.join(", ",
                usable.stream().map(a -> "[" + io.netty.util.NetUtil.toAddressString(a) + "]").toList())
                + " through the stack's NameService", resolving, System.nanoTime());
        StoqException last = null;
        for (Inet6Address address : usable) {
            StoqConnection connection;
            try {
                InetSocketAddress peer = new InetSocketAddress(address, port);
                connection = fresh ? connectFresh(peer, resolution) : connect(peer, resolution);
            } catch (PeerRefusedException e) {
                throw e;
            } catch (StoqException e) {
                last = e;
                continue;
            }
            if (fresh) {
                requireNameTraced((QuicConnection) connection, host);
            } else {
                requireName(connection, host);
            }
            return connection;
        }
        throw last;
    }

    private static final String RESOLUTION_STEP = "name-resolution";
    private static final String NAME_STEP = "certificate-name";

    private static HandshakeRecorder.Entry resolutionStep(boolean passed, String detail, long start, long end) {
        network.internet2.stoq.HandshakeStep step = new network.internet2.stoq.HandshakeStep(RESOLUTION_STEP,
                network.internet2.stoq.HandshakeStep.Side.CLIENT, passed, detail, Math.max(0, end - start));
        return new HandshakeRecorder.Entry(start, () -> List.of(step));
    }

    private static StoqException resolutionFailed(StoqException failure, long start, boolean fresh) {
        if (fresh) {
            failure.withHandshakeTrace(new HandshakeTrace(HandshakeRecorder.steps(
                    List.of(resolutionStep(false, failure.getMessage(), start, System.nanoTime())))));
        }
        return failure;
    }

    /** {@link #requireName} as a step of a fresh connection's trace; the connection is closed if it fails. */
    private void requireNameTraced(QuicConnection connection, String host) throws StoqException {
        long start = System.nanoTime();
        try {
            requireName(connection, host);
            connection.trace().step(NAME_STEP, true, "the peer's certificate names " + host, start, System.nanoTime());
        } catch (StoqException e) {
            connection.trace().step(NAME_STEP, false, e.getMessage(), start, System.nanoTime());
            connection.close();
            throw e.withHandshakeTrace(traceOf(connection));
        }
    }

    private static void requireName(StoqConnection connection, String host) throws StoqException {
        String wanted = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        X509Certificate certificate = connection.peer().certificate();
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> entry : alternatives) {
                    if (entry.size() >= 2 && Integer.valueOf(2).equals(entry.get(0))) {
                        String dns = String.valueOf(entry.get(1));
                        names.add(dns.endsWith(".") ? dns.substring(0, dns.length() - 1) : dns);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            throw new StoqException("cannot read the names of the certificate of " + connection.remoteAddress(), e);
        }
        for (String dns : names) {
            if (dns.equalsIgnoreCase(wanted)) {
                return;
            }
        }
        throw new StoqException("the peer at " + connection.remoteAddress() + " presents a certificate for "
                + names + ", not for '" + wanted + "'");
    }

    @Override
    public StoqConnection connect(InetSocketAddress address) throws StoqException {
        return connect(address, null);
    }

    /**
     * Checks a peer's address: IPv6, resolved, a real port.
     *
     * @return the address as the pool's key
     */
    private InetSocketAddress peerAddress(InetSocketAddress address) throws StoqException {
        Objects.requireNonNull(address, "address");
        if (address.isUnresolved()) {
            throw new StoqException("the address " + address + " is unresolved; use connect(name, port), which resolves"
                    + " through the stack's name service");
        }
        if (TransportSettings.isIpv4OrMapped(address.getAddress())) {
            throw refused(new PeerRefusedException(RefusalReason.IPV4_ADDRESS, address.getAddress().getHostAddress()
                    + " is an IPv4" + (address.getAddress() instanceof Inet6Address ? "-mapped" : "")
                    + " address; STOQ is IPv6 only"));
        }
        if (address.getPort() == 0) {
            throw new StoqException("port 0 is not a peer's port");
        }
        requireRunning();
        return new InetSocketAddress(address.getAddress(), address.getPort());
    }

    /** A pooled connection; a new one's trace starts with {@code resolution} when it is not {@code null}. */
    private StoqConnection connect(InetSocketAddress address, HandshakeRecorder.Entry resolution)
            throws StoqException {
        InetSocketAddress key = peerAddress(address);
        for (int attempt = 0; attempt < 3; attempt++) {
            CompletableFuture<QuicConnection> future = pool.compute(key, (k, existing) ->
                    existing != null && (!existing.isDone() || usable(existing)) ? existing
                            : startConnect(newClientConnection(k, resolution)));
            QuicConnection connection = await(key, future);
            if (connection.isOpen()) {
                return connection;
            }
            pool.remove(key, future);
        }
        throw new StoqException("the connection to " + key + " closed right after it was established, three times");
    }

    /** A new connection outside the pool; a failure carries the trace of the attempt. */
    private StoqConnection connectFresh(InetSocketAddress address, HandshakeRecorder.Entry resolution)
            throws StoqException {
        InetSocketAddress key = peerAddress(address);
        QuicConnection connection = newClientConnection(key, resolution);
        try {
            QuicConnection ready = await(key, startConnect(connection));
            if (!ready.isOpen()) {
                throw new StoqException("the connection to " + key + " closed right after it was established");
            }
            return ready;
        } catch (StoqException e) {
            connection.close();
            throw e.withHandshakeTrace(traceOf(connection));
        }
    }

    private static boolean usable(CompletableFuture<QuicConnection> future) {
        if (future.isCompletedExceptionally()) {
            return false;
        }
        QuicConnection connection = future.getNow(null);
        return connection != null && connection.isOpen();
    }

    private QuicConnection await(InetSocketAddress key, CompletableFuture<QuicConnection> future) throws StoqException {
        long wait = settings.handshakeTimeout().toMillis() + 2_000;
        try {
            return future.get(wait, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            pool.remove(key, future);
            Throwable cause = e.getCause();
            if (cause instanceof StoqException stoq) {
                throw stoq;
            }
            throw new StoqException("connecting to " + key + " failed: " + cause, cause);
        } catch (TimeoutException e) {
            pool.remove(key, future);
            throw new PeerRefusedException(RefusalReason.HANDSHAKE_TIMEOUT, "no connection to " + key + " within "
                    + wait + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoqException("interrupted while connecting to " + key, e);
        }
    }

    private QuicConnection newClientConnection(InetSocketAddress address, HandshakeRecorder.Entry resolution) {
        QuicConnection connection = new QuicConnection(this, true, address, counters);
        if (resolution != null) {
            connection.trace().add(resolution);
        }
        return connection;
    }

    private CompletableFuture<QuicConnection> startConnect(QuicConnection connection) {
        InetSocketAddress address = connection.remoteAddress();
        live.add(connection);
        CompletableFuture<QuicConnection> ready = connection.ready;
        try {
            QuicChannel.newBootstrap(clientChannel)
                    .attr(CONNECTION, connection)
                    .option(QuicChannelOption.SEGMENTED_DATAGRAM_PACKET_ALLOCATOR, offload.segmentedAllocator())
                    .handler(connection.handler())
                    .streamHandler(streamInitializer)
                    .remoteAddress(address)
                    .connect()
                    .addListener(f -> {
                        if (!f.isSuccess()) {
                            connection.fail(connection.describeFailure(f.cause()));
                        }
                    });
        } catch (RuntimeException e) {
            live.remove(connection);
            connection.fail(new StoqException("cannot start a connection to " + address + ": " + e, e));
        }
        return ready;
    }

    @Override
    public List<InetSocketAddress> listeners() {
        Channel ch = serverChannel;
        return ch == null || !ch.isActive() ? List.of() : List.of((InetSocketAddress) ch.localAddress());
    }

    /** @return how many sockets share the listener's address (one per event loop with epoll) */
    public int listenerSockets() {
        return serverChannels.size();
    }

    private PeerRefusedException refused(PeerRefusedException refusal) {
        counters.refused(refusal);
        return refusal;
    }

    /** @return the endpoint's counters */
    public TransportCounters counters() {
        return counters;
    }

    /** Sets who hears of handshakes and bulk streams ({@link TransportObserver#NONE} to stop). */
    public void observe(TransportObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    TransportObserver observer() {
        return observer;
    }

    /**
     * The trace of a connection: its own steps and, for a connection this endpoint opened to itself, the steps of
     * the incoming side (found by the client's source connection ID, which is the server's destination ID).
     */
    HandshakeTrace traceOf(QuicConnection connection) {
        List<HandshakeRecorder.Entry> entries = new ArrayList<>(connection.trace().entries());
        if (connection.client()) {
            QuicConnection server = incomingSideOf(connection);
            if (server != null) {
                entries.addAll(server.trace().entries());
            }
        }
        return new HandshakeTrace(HandshakeRecorder.steps(entries));
    }

    private QuicConnection incomingSideOf(QuicConnection client) {
        io.netty.handler.codec.quic.QuicConnectionAddress id = client.localId();
        if (id == null) {
            return null;
        }
        for (QuicConnection candidate : live) {
            if (!candidate.client() && id.equals(candidate.remoteId())) {
                return candidate;
            }
        }
        synchronized (failedIncoming) {
            for (QuicConnection candidate : failedIncoming) {
                if (id.equals(candidate.remoteId())) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** Keeps the last few incoming connections that failed, for {@link #traceOf} (rare: refusals only). */
    void rememberFailedIncoming(QuicConnection connection) {
        if (connection.remoteId() == null) {
            return;
        }
        synchronized (failedIncoming) {
            if (failedIncoming.size() == FAILED_INCOMING_KEPT) {
                failedIncoming.removeFirst();
            }
            failedIncoming.addLast(connection);
        }
    }

    /** @return the settings the endpoint runs with */
    public TransportSettings settings() {
        return settings;
    }

    /** @return QUIC connections currently known (handshaking or established, both directions) */
    public int connectionCount() {
        return live.size();
    }

    /** @return whether the endpoint uses native epoll (else NIO) */
    public boolean nativeTransport() {
        return nativeTransport;
    }

    /** @return whether datagrams go out in UDP GSO batches and come in through GRO */
    public boolean udpOffload() {
        UdpOffload o = offload;
        return o != null && o.gso();
    }

    /** @return whether every thread of the endpoint has ended (after {@link #close()}) */
    boolean terminated() {
        EventLoopGroup g = group;
        ThreadPoolExecutor w = workers;
        return (g == null || g.isTerminated()) && (w == null || w.isTerminated());
    }

    /** @return the name prefix of the endpoint's threads */
    String threadNamePrefix() {
        return name;
    }

    private void requireRunning() throws StoqException {
        if (closed.get() || !started.get()) {
            throw new StoqException("the STOQ endpoint is " + (closed.get() ? "closed" : "not started"));
        }
    }

    // ---- used by QuicConnection ----

    boolean admitIncoming() {
        for (;;) {
            int now = incoming.get();
            if (now >= settings.maxConnections()) {
                return false;
            }
            if (incoming.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void releaseIncoming() {
        incoming.decrementAndGet();
    }

    void forget(QuicConnection connection) {
        live.remove(connection);
        SSLEngine engine = connection.engine();
        if (engine != null) {
            engines.remove(engine);
        }
        if (connection.client()) {
            pool.remove(connection.remoteAddress(), connection.ready);
        }
    }

    void runGate(QuicConnection connection, Admission admission) {
        try {
            workers.execute(() -> {
                Throwable failure = null;
                long start = System.nanoTime();
                try {
                    gate.admit(admission);
                } catch (Throwable e) {
                    failure = e;
                }
                connection.traceGate(gate.traceName(), failure == null, failure == null
                        ? gate.traceDetail(connection.client()) : String.valueOf(failure.getMessage()), start,
                        System.nanoTime());
                connection.gateDone(failure);
            });
        } catch (RejectedExecutionException e) {
            long now = System.nanoTime();
            StoqException busy = new StoqException("no transport worker is free to admit the peer; the node is busy");
            connection.traceGate(gate.traceName(), false, busy.getMessage(), now, now);
            connection.gateDone(busy);
        }
    }

    /** Routes an admitted incoming application stream to its service (event loop). */
    void route(QuicStoqStream stream) {
        Optional<StoqService> service;
        try {
            service = directory.find(stream.service());
        } catch (RuntimeException e) {
            LOG.warn("The service directory failed to look up '{}'; the stream is refused. Fix the directory: {}",
                    stream.service(), e.toString(), e);
            service = Optional.empty();
        }
        if (service.isEmpty()) {
            counters.unknownServices.increment();
            if (stream.bidirectional()) {
                stream.sendErrorAndClose(StreamHeader.STATUS_NO_SERVICE, "no service '" + stream.service() + "'",
                        StoqErrorCodes.STREAM_UNKNOWN_SERVICE);
            } else {
                stream.reset(StoqErrorCodes.STREAM_UNKNOWN_SERVICE);
            }
            return;
        }
        StoqService target = service.get();
        counters.streamsOpened.increment();
        try {
            workers.execute(() -> serve(target, stream));
        } catch (RejectedExecutionException e) {
            if (stream.bidirectional()) {
                stream.sendErrorAndClose(StreamHeader.STATUS_BUSY, "all " + settings.workerThreads()
                        + " workers are busy", StoqErrorCodes.STREAM_BUSY);
            } else {
                stream.reset(StoqErrorCodes.STREAM_BUSY);
            }
            return;
        }
        if (stream.bidirectional()) {
            // queued on the event loop before anything the service writes
            stream.sendStatusOk();
        }
    }

    private void serve(StoqService service, QuicStoqStream stream) {
        try {
            service.accept(stream);
        } catch (Exception e) {
            LOG.debug("Service '{}' failed on a stream from {}: {}", stream.service(), stream.peer().name(), e.toString());
        } catch (Error e) {
            LOG.error("Service '{}' threw {} on a stream from {}; the stream is closed. Fix the service.",
                    stream.service(), e, stream.peer().name(), e);
        } finally {
            stream.close();
        }
    }

    // ---- close ----

    /** Closes every connection, the sockets and the threads; waits a bounded time for each. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<ChannelFuture> closing = new ArrayList<>();
        for (QuicConnection connection : live) {
            QuicChannel ch = connection.channel();
            if (ch != null && ch.isOpen()) {
                closing.add(ch.close(true, StoqErrorCodes.SHUTDOWN,
                        io.netty.buffer.Unpooled.copiedBuffer("endpoint shutting down", java.nio.charset.StandardCharsets.UTF_8)));
            } else {
                connection.fail(new StoqException("the STOQ endpoint closed"));
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (ChannelFuture future : closing) {
            long left = Math.max(0, deadline - System.nanoTime());
            future.awaitUninterruptibly(TimeUnit.NANOSECONDS.toMillis(left));
        }
        for (CompletableFuture<QuicConnection> pending : pool.values()) {
            pending.completeExceptionally(new StoqException("the STOQ endpoint closed"));
        }
        pool.clear();
        for (Channel listener : serverChannels) {
            closeChannel(listener);
        }
        closeChannel(clientChannel);
        ThreadPoolExecutor w = workers;
        if (w != null) {
            w.shutdownNow();
            try {
                if (!w.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("STOQ workers did not stop within 5 s; a StoqService ignores interruption. Fix the service.");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        EventLoopGroup g = group;
        if (g != null) {
            if (!g.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS)) {
                LOG.warn("STOQ event loops did not stop within 10 s; restart the bundle if ports stay bound");
            }
        }
        live.clear();
        engines.clear();
        synchronized (failedIncoming) {
            failedIncoming.clear();
        }
        if (serverChannel != null) {
            LOG.info("STOQ listener on {} closed", serverChannel.localAddress());
        }
    }

    private static void closeChannel(Channel ch) {
        if (ch != null) {
            ch.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
    }

    // ---- pipeline pieces ----

    /** Drops datagrams from IPv4 or IPv4-mapped senders before QUIC sees them. */
    private final class Ipv6OnlyFilter extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof DatagramPacket packet && packet.sender() != null
                    && TransportSettings.isIpv4OrMapped(packet.sender().getAddress())) {
                counters.ipv4DatagramsDropped.increment();
                ReferenceCountUtil.release(msg);
                return;
            }
            ctx.fireChannelRead(msg);
        }
    }

    /** Sets up every stream the peer opens: read the header, then route. */
    @ChannelHandler.Sharable
    private final class StreamInitializer extends ChannelInitializer<QuicStreamChannel> {
        @Override
        protected void initChannel(QuicStreamChannel ch) {
            if (ch.type() == QuicStreamType.BIDIRECTIONAL) {
                ch.config().setAllowHalfClosure(true);
            }
            QuicConnection connection = ch.parent().attr(CONNECTION).get();
            if (connection == null) {
                ch.shutdown(StoqErrorCodes.STREAM_NOT_ADMITTED);
                ch.close();
                return;
            }
            ch.pipeline().addLast(new HeaderDecoder(connection));
        }
    }

    /** Reads the stream header; a malformed, incomplete or late header resets the stream. */
    private final class HeaderDecoder extends ChannelInboundHandlerAdapter {
        private final QuicConnection connection;
        private final byte[] header = new byte[StreamHeader.MAX_HEADER_BYTES];
        private int received;
        private boolean done;
        private ScheduledFuture<?> deadline;

        HeaderDecoder(QuicConnection connection) {
            this.connection = connection;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            long millis = settings.streamHeaderTimeout().toMillis();
            deadline = ctx.executor().schedule(() -> malformed(ctx, "no complete header within " + millis + " ms"),
                    millis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (done || !(msg instanceof ByteBuf buffer)) {
                ReferenceCountUtil.release(msg);
                return;
            }
            counters.bytesIn.add(buffer.readableBytes());
            int take = Math.min(buffer.readableBytes(), header.length - received);
            buffer.getBytes(buffer.readerIndex(), header, received, take);
            StreamHeader.Parsed parsed = StreamHeader.parse(header, received + take);
            if (parsed.malformed()) {
                buffer.release();
                malformed(ctx, parsed.error());
                return;
            }
            if (!parsed.complete()) {
                received += take;
                buffer.release();
                return;
            }
            // skip exactly the header bytes that came with this buffer; the rest is payload
            buffer.skipBytes(parsed.length() - received);
            done = true;
            deadline.cancel(false);
            QuicStreamChannel ch = (QuicStreamChannel) ctx.channel();
            boolean bidirectional = ch.type() == QuicStreamType.BIDIRECTIONAL;
            QuicStoqStream stream = new QuicStoqStream(connection, parsed.service(), bidirectional, false, counters);
            ctx.pipeline().replace(this, "stoq-stream", stream.handler());
            stream.offer(buffer);
            connection.dispatch(stream);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (!done && event == ChannelInputShutdownReadComplete.INSTANCE) {
                malformed(ctx, "the stream ended inside its header");
                return;
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (!done) {
                done = true;
                deadline.cancel(false);
                ctx.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (!done) {
                done = true;
                deadline.cancel(false);
                if (received > 0 && ((QuicStreamChannel) ctx.channel()).isInputShutdown()) {
                    counters.malformedHeaders.increment();
                }
            }
            ctx.fireChannelInactive();
        }

        private void malformed(ChannelHandlerContext ctx, String why) {
            if (done) {
                return;
            }
            done = true;
            if (deadline != null) {
                deadline.cancel(false);
            }
            counters.malformedHeaders.increment();
            LOG.debug("Resetting a stream from {}: {}", connection.remoteAddress(), why);
            QuicStreamChannel ch = (QuicStreamChannel) ctx.channel();
            ChannelFuture reset = ch.type() == QuicStreamType.BIDIRECTIONAL
                    ? ch.shutdown(StoqErrorCodes.STREAM_MALFORMED_HEADER)
                    : ch.shutdownInput(StoqErrorCodes.STREAM_MALFORMED_HEADER);
            reset.addListener(f -> ch.close());
        }
    }

    @Override
    public String toString() {
        Channel ch = serverChannel;
        return "StoqEndpoint[" + (ch == null ? "not started" : ch.localAddress()) + "]";
    }
}
