/**
 * The seed's verification endpoints: read-only checks an operator (or a test) runs against the live node, each
 * answering JSON that says step by step what was checked, what was found and how long it took.
 *
 * <ul>
 * <li>{@code GET /test-cert-validation} ({@link network.internet2.management.verification.internal.CertValidationServlet}):
 * opens a new STOQ connection from the node to its own listener, by the node's name as its certificate carries it,
 * resolved through the stack's name service (never the system resolver); reports every validation step the
 * transport went through on both ends (name resolution, QUIC and TLS 1.3 handshake, certificate chain through the
 * CA with its revocation and FALCON-1024 alternative-signature checks, SCT, possession proof), then sends random
 * bytes over a stream to this bundle's echo service
 * ({@link network.internet2.management.verification.internal.EchoService}) and checks they come back.
 * 200 when every step passed, 502 naming the failing step, 503 without a transport or node certificate.</li>
 * <li>{@code GET /test-dns} ({@link network.internet2.management.verification.internal.DnsTestServlet}): real DNS
 * queries over UDP to the embedded DNS server's configured address and port, for the zone apex (SOA, NS), the
 * node's name and its service names (AAAA), each with its answers, response code and latency. 200 when every
 * name resolves, 502 otherwise, 503 without the DNS server.</li>
 * </ul>
 *
 * <p>Both only read: nothing on the node changes (the connection opened for the test is closed again), and a
 * request with another method is answered 405. The JSON support is the shared, privately embedded
 * {@code network.internet2.management.rest.support}.
 */
package network.internet2.management.verification.internal;
