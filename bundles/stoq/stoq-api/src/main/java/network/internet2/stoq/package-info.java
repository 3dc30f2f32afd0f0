/**
 * STOQ: the stack's transport, QUIC over IPv6 only with ALPN {@value network.internet2.stoq.StoqTransport#ALPN}.
 * No connection is established unless both sides present a valid TrustChain
 * certificate.
 *
 * <p>{@link network.internet2.stoq.StoqTransport} connects to peers by name
 * (resolved only through the stack's own DNS) or by IPv6 address and opens
 * streams on pooled connections. Bundles offer services on incoming streams by
 * registering {@link network.internet2.stoq.StoqService} whiteboard services with
 * the {@value network.internet2.stoq.StoqService#SERVICE_PROPERTY} property.
 *
 * <p>Since 1.1: every connection reports the validation steps it went through
 * ({@link network.internet2.stoq.StoqConnection#handshakeTrace()}), and
 * {@link network.internet2.stoq.StoqTransport#connectNew(String, int)} opens a
 * connection that is never pooled, to trace a complete handshake.
 */
@Export
@Version("1.1.0")
package network.internet2.stoq;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
