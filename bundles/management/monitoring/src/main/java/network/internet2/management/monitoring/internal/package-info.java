/**
 * Monitoring of the node: what it is doing, in figures.
 *
 * <ul>
 * <li>{@code GET /metrics}: every meter of the node's Micrometer registry in the Prometheus text exposition
 * format (OpenMetrics when the scraper asks for it), or as JSON with {@code ?format=json}. The layers record
 * into that registry themselves (STOQ handshakes, streams, bytes, refusals; CA operations; CT tree; DNS queries;
 * consensus validation per proof type; assets per kind), the JVM's and the process's meters are bound by the
 * registry bundle.</li>
 * <li>{@code GET /stats}: a JSON summary of the stack, per layer, from the same meters, with the node's memory.</li>
 * <li>Alerts on the seed's thresholds (PID {@code network.internet2.management.alerts}): STOQ throughput under
 * 80 % of its target, consensus validation over 100 ms, certificate operations over 35 ms — listed in
 * {@code /health}, exported as the gauge {@code internet2_alert_firing}, and logged when they start or stop
 * firing.</li>
 * </ul>
 */
package network.internet2.management.monitoring.internal;
