package network.internet2.stoq.transport.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of a {@link StoqEndpoint}. Every value is checked when the record is
 * built; a bad value fails with an {@link IllegalArgumentException} that names
 * the setting and the accepted range.
 *
 * @param bindAddress              IPv6 address the listener binds ({@code ::} for all, {@code ::1} for loopback)
 * @param port                     UDP port of the listener, 0 for an ephemeral port
 * @param maxConnections           incoming connections served at once; more are closed with
 *                                 {@link StoqErrorCodes#CONNECTION_LIMIT}
 * @param maxBidirectionalStreams  bidirectional streams the peer may open at once (QUIC initial_max_streams_bidi)
 * @param maxUnidirectionalStreams unidirectional streams the peer may open at once (QUIC initial_max_streams_uni)
 * @param idleTimeout              a connection without traffic for this long is closed
 * @param handshakeTimeout         TLS handshake plus admission must finish within this
 * @param streamHeaderTimeout      an incoming stream must deliver its header within this
 * @param socketBufferBytes        UDP socket send and receive buffer size, 0 for the OS default
 * @param maxUdpPayload            largest UDP payload sent and received (1200..65527; 1350 on real networks)
 * @param streamWindowBytes        QUIC flow-control window per stream
 * @param connectionWindowBytes    QUIC flow-control window per connection
 * @param keyExchangeGroups        TLS key-exchange groups in preference order, from {@link #SUPPORTED_GROUPS}
 * @param eventLoopThreads         Netty event loop threads
 * @param workerThreads            threads that run {@code StoqService.accept} and the connection gate
 * @param congestionControl        QUIC congestion control, one of {@link #CONGESTION_CONTROLS}
 * @param udpOffload               use UDP GSO/GRO (or recvmmsg) where the kernel and the native transport offer them
 */
public record TransportSettings(
        Inet6Address bindAddress,
        int port,
        int maxConnections,
        int maxBidirectionalStreams,
        int maxUnidirectionalStreams,
        Duration idleTimeout,
        Duration handshakeTimeout,
        Duration streamHeaderTimeout,
        int socketBufferBytes,
        int maxUdpPayload,
        int streamWindowBytes,
        int connectionWindowBytes,
        List<String> keyExchangeGroups,
        int eventLoopThreads,
        int workerThreads,
        String congestionControl,
        boolean udpOffload) {

    /** Hybrid X25519 + ML-KEM-768 (the default). */
    public static final String X25519_MLKEM768 = "X25519MLKEM768";
    /** Pure ML-KEM-1024. */
    public static final String MLKEM1024 = "MLKEM1024";
    /** The groups BoringSSL under Netty QUIC accepts here; all are post-quantum. */
    public static final Set<String> SUPPORTED_GROUPS = Set.of(X25519_MLKEM768, MLKEM1024);

    /** Congestion controls quiche offers. */
    public static final List<String> CONGESTION_CONTROLS = List.of("cubic", "reno", "bbr");
    /**
     * Default UDP socket buffer: 4 MiB, so bursts of a fast sender are not dropped by the 208 KiB Linux default
     * (the kernel caps it at net.core.rmem_max / wmem_max).
     */
    public static final int DEFAULT_SOCKET_BUFFER = 4 << 20;

    /** Default UDP payload: safe on real IPv6 paths (1280-byte minimum MTU plus headroom as QUIC stacks use). */
    public static final int DEFAULT_UDP_PAYLOAD = 1350;
    /** Smallest UDP payload QUIC allows. */
    public static final int MIN_UDP_PAYLOAD = 1200;
    /** Largest UDP payload over IPv6 without jumbograms. */
    public static final int MAX_UDP_PAYLOAD = 65527;

    public TransportSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (isIpv4Mapped(bindAddress)) {
            throw new IllegalArgumentException("bind address " + bindAddress.getHostAddress()
                    + " is IPv4-mapped; STOQ is IPv6 only: bind to an IPv6 address such as :: or ::1");
        }
        range("port", port, 0, 65535);
        range("maxConnections", maxConnections, 1, 1_000_000);
        range("maxBidirectionalStreams", maxBidirectionalStreams, 1, 1 << 20);
        range("maxUnidirectionalStreams", maxUnidirectionalStreams, 1, 1 << 20);
        positive("idleTimeout", idleTimeout);
        positive("handshakeTimeout", handshakeTimeout);
        positive("streamHeaderTimeout", streamHeaderTimeout);
        if (socketBufferBytes != 0) {
            range("socketBufferBytes", socketBufferBytes, 64 * 1024, 1 << 30);
        }
        range("maxUdpPayload", maxUdpPayload, MIN_UDP_PAYLOAD, MAX_UDP_PAYLOAD);
        range("streamWindowBytes", streamWindowBytes, 16 * 1024, 1 << 30);
        range("connectionWindowBytes", connectionWindowBytes, streamWindowBytes, Integer.MAX_VALUE);
        Objects.requireNonNull(keyExchangeGroups, "keyExchangeGroups");
        if (keyExchangeGroups.isEmpty()) {
            throw new IllegalArgumentException("keyExchangeGroups is empty; choose from " + SUPPORTED_GROUPS);
        }
        for (String group : keyExchangeGroups) {
            if (!SUPPORTED_GROUPS.contains(group)) {
                throw new IllegalArgumentException("key-exchange group '" + group + "' is not supported; choose from "
                        + SUPPORTED_GROUPS + " (STOQ requires a post-quantum key exchange)");
            }
        }
        keyExchangeGroups = List.copyOf(keyExchangeGroups);
        range("eventLoopThreads", eventLoopThreads, 1, 256);
        range("workerThreads", workerThreads, 1, 4096);
        if (!CONGESTION_CONTROLS.contains(congestionControl)) {
            throw new IllegalArgumentException("congestion control '" + congestionControl + "' is not known; choose from "
                    + CONGESTION_CONTROLS);
        }
    }

    /** @return the defaults, listening on an ephemeral port of {@code bindAddress} */
    public static TransportSettings defaults(Inet6Address bindAddress) {
        return new TransportSettings(bindAddress, 0, 1024, 128, 16,
                Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(5),
                DEFAULT_SOCKET_BUFFER, DEFAULT_UDP_PAYLOAD, 1 << 20, 16 << 20, List.of(X25519_MLKEM768),
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), 32, "cubic", true);
    }

    public TransportSettings withPort(int value) {
        return new TransportSettings(bindAddress, value, maxConnections, maxBidirectionalStreams, maxUnidirectionalStreams,
                idleTimeout, handshakeTimeout, streamHeaderTimeout, socketBufferBytes, maxUdpPayload, streamWindowBytes,
                connectionWindowBytes, keyExchangeGroups, eventLoopThreads, workerThreads, congestionControl, udpOffload);
    }

    public TransportSettings withMaxConnections(int value) {
        return new TransportSettings(bindAddress, port, value, maxBidirectionalStreams, maxUnidirectionalStreams,
                idleTimeout, handshakeTimeout, streamHeaderTimeout, socketBufferBytes, maxUdpPayload, streamWindowBytes,
                connectionWindowBytes, keyExchangeGroups, eventLoopThreads, workerThreads, congestionControl, udpOffload);
    }

    public TransportSettings withStreams(int bidirectional, int unidirectional) {
        return new TransportSettings(bindAddress, port, maxConnections, bidirectional, unidirectional,
                idleTimeout, handshakeTimeout, streamHeaderTimeout, socketBufferBytes, maxUdpPayload, streamWindowBytes,
                connectionWindowBytes, keyExchangeGroups, eventLoopThreads, workerThreads, congestionControl, udpOffload);
    }

    public TransportSettings withTimeouts(Duration idle, Duration handshake, Duration streamHeader) {
        return new TransportSettings(bindAddress, port, maxConnections, maxBidirectionalStreams, maxUnidirectionalStreams,
                idle, handshake, streamHeader, socketBufferBytes, maxUdpPayload, streamWindowBytes,
                connectionWindowBytes, keyExchangeGroups, eventLoopThreads, workerThreads, congestionControl, udpOffload);
    }

    public TransportSettings withUdp(int payload, int socketBuffer) {
        return new TransportSettings(bindAddress, port, maxConnections, maxBidirectionalStreams, maxUnidirectionalStreams,
                idleTimeout, handshakeTimeout, streamHeaderTimeout, socketBuffer, payload, streamWindowBytes,
                connectionWindowBytes, keyExchangeGroups, eventLoopThreads, workerThreads, congestionControl, udpOffload);
    }

    public TransportSettings withWindows(int stream, int connection) {
        return new TransportSettings(bindAddress, port, maxConnections, maxBidirectionalStreams, maxUnidirectionalStreams,
                idleTimeout, handshakeTimeout, streamHeaderTimeout, socketBufferBytes, maxUdpPayload, stream,
                connection, keyExchangeGroups, eventLoopThreads, workerThreads, congestionControl, udpOffload);
    }

    public TransportSettings withSpeed(String congestion, boolean offload) {
        return new TransportSettings(bindAddress, port, maxConnections, maxBidirectionalStreams, maxUnidirectionalStreams,
                idleTimeout, handshakeTimeout, streamHeaderTimeout, socketBufferBytes, maxUdpPayload, streamWindowBytes,
                connectionWindowBytes, keyExchangeGroups, eventLoopThreads, workerThreads, congestion, offload);
    }

    public TransportSettings withKeyExchangeGroups(List<String> groups) {
        return new TransportSettings(bindAddress, port, maxConnections, maxBidirectionalStreams, maxUnidirectionalStreams,
                idleTimeout, handshakeTimeout, streamHeaderTimeout, socketBufferBytes, maxUdpPayload, streamWindowBytes,
                connectionWindowBytes, groups, eventLoopThreads, workerThreads, congestionControl, udpOffload);
    }

    public TransportSettings withThreads(int eventLoops, int workers) {
        return new TransportSettings(bindAddress, port, maxConnections, maxBidirectionalStreams, maxUnidirectionalStreams,
                idleTimeout, handshakeTimeout, streamHeaderTimeout, socketBufferBytes, maxUdpPayload, streamWindowBytes,
                connectionWindowBytes, keyExchangeGroups, eventLoops, workers, congestionControl, udpOffload);
    }

    /**
     * Parses an IPv6 address literal (brackets allowed) without any name lookup.
     *
     * @throws IllegalArgumentException if the text is not an IPv6 literal, or is IPv4 or IPv4-mapped
     */
    public static Inet6Address ipv6Literal(String text) {
        Objects.requireNonNull(text, "text");
        String literal = text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (literal.indexOf(':') < 0) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv6 address literal; STOQ is IPv6 only"
                    + " (use e.g. :: or ::1, never an IPv4 address or a host name)");
        }
        InetAddress address;
        try {
            // In brackets the JDK parses an IPv6 literal or fails; without them a text such as "zz::1" would
            // be handed to the system resolver.
            address = InetAddress.getByName("[" + literal + "]");
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid IPv6 address literal", e);
        }
        if (address instanceof Inet4Address) {
            // The JDK turns ::ffff:a.b.c.d into an Inet4Address.
            throw new IllegalArgumentException("'" + text + "' is an IPv4-mapped address; STOQ is IPv6 only");
        }
        Inet6Address v6 = (Inet6Address) address;
        if (isIpv4Mapped(v6)) {
            throw new IllegalArgumentException("'" + text + "' is an IPv4-mapped address; STOQ is IPv6 only");
        }
        return v6;
    }

    /**
     * @return whether the address is IPv4 or IPv4-mapped ({@code ::ffff:a.b.c.d}); the JDK
     *         usually represents the latter as an {@link Inet4Address}, but
     *         {@link Inet6Address#getByAddress(String, byte[], int)} keeps it IPv6
     */
    public static boolean isIpv4OrMapped(InetAddress address) {
        return address instanceof Inet4Address || address instanceof Inet6Address v6 && isIpv4Mapped(v6);
    }

    static boolean isIpv4Mapped(Inet6Address address) {
        byte[] bytes = address.getAddress();
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static void range(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " is " + value + "; it must be between " + min + " and " + max);
        }
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " is " + value + "; it must be positive");
        }
        if (value.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " is " + value + "; it must be shorter than 24 days");
        }
    }
}
