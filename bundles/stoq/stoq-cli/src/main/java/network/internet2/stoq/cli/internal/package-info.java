/**
 * Karaf shell commands of the STOQ transport: {@code stoq:status} (listeners and
 * counters, refusals by reason), {@code stoq:connect} (a validated connection to
 * a peer, by name or IPv6 address), {@code stoq:bench} (bounded bulk transfer
 * to a peer's {@code stoq.discard} service) and {@code stoq:handshakes} (a bounded
 * run of fresh, fully validated connections, with latency percentiles).
 *
 * <p>Peers complete from the names the stack's DNS has addresses for (while the DNS
 * server runs). Options go before the peer; an option out of its range, a peer that
 * cannot be reached or refuses, fails the command with a one-line message naming it.
 * The counters come from the transport's figures service
 * ({@code internet2.figures=stoq.transport}), the same that {@code /health} lists.
 * The bundle carries the header {@code Karaf-Commands: network.internet2.stoq.cli.internal}
 * (see {@code bnd.bnd}). Nothing here is exported.
 */
package network.internet2.stoq.cli.internal;
