/**
 * The STOQ transport core: QUIC over IPv6 only on Netty's QUIC codec.
 *
 * <ul>
 * <li>One UDP listener (server codec) and one client socket per
 * {@link network.internet2.stoq.transport.internal.StoqEndpoint}; native epoll
 * when available, NIO otherwise. IPv4 and IPv4-mapped addresses are refused
 * for binding, connecting and as datagram senders.</li>
 * <li>Mutual TLS 1.3: both sides present a certificate chain read from a
 * {@link network.internet2.stoq.transport.internal.NodeKeys} supplier at every
 * handshake, and both sides check the peer's chain with a
 * {@link network.internet2.stoq.transport.internal.PeerCheck}; the server requires a client
 * certificate. ALPN {@value network.internet2.stoq.StoqTransport#ALPN} only; the
 * key-exchange group is a post-quantum hybrid (X25519MLKEM768 by default).</li>
 * <li>After the handshake a {@link network.internet2.stoq.transport.internal.ConnectionGate}
 * admits the peer (the post-quantum possession proof runs there) before any
 * application stream is opened or accepted.</li>
 * <li>Every stream starts with a small header naming the service
 * ({@link network.internet2.stoq.transport.internal.StreamHeader}); incoming
 * streams are routed through a
 * {@link network.internet2.stoq.transport.internal.ServiceDirectory} to a
 * {@link network.internet2.stoq.StoqService} on a bounded worker pool and
 * bridged to blocking streams with backpressure. Service data travels in
 * length-prefixed chunks ending with an end marker that carries the FIN
 * ({@link network.internet2.stoq.transport.internal.PayloadChunks}: quiche can
 * drop a FIN sent alone), so a cut-off stream is an error, never a silent end.</li>
 * <li>Every connection records the validation steps it goes through where they
 * happen ({@link network.internet2.stoq.transport.internal.HandshakeRecorder}: a
 * few {@code nanoTime} calls per step) and reports them as its
 * {@link network.internet2.stoq.HandshakeTrace}; a connection the endpoint opened
 * to itself includes the accepting side's steps.</li>
 * <li>Counts live in {@link network.internet2.stoq.transport.internal.TransportCounters};
 * handshake times and bulk-stream throughput reach a
 * {@link network.internet2.stoq.transport.internal.TransportObserver}, which
 * {@link network.internet2.stoq.transport.internal.StoqMetrics} turns into the
 * node's Micrometer meters ({@code stoq.*}).</li>
 * </ul>
 *
 * <p>Plain Java: the OSGi wiring (configuration, whiteboard, lifecycle) lives
 * in a component that constructs, starts and closes the endpoint.
 */
package network.internet2.stoq.transport.internal;
