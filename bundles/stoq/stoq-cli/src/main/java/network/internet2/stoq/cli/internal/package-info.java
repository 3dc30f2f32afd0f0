/**
 * Karaf shell commands of the STOQ transport: {@code stoq:status} (listeners and
 * counters, refusals by reason), {@code stoq:connect} (a validated connection to
 * a peer, by name or IPv6 address) and {@code stoq:bench} (bounded bulk transfer
 * to a peer's {@code stoq.discard} service).
 */
package network.internet2.stoq.cli.internal;
