/**
 * The node's metrics registry.
 *
 * <p>One Micrometer {@code PrometheusMeterRegistry} per node, registered as the
 * {@code io.micrometer.core.instrument.MeterRegistry} service (and as
 * {@code PrometheusMeterRegistry}, for the {@code /metrics} endpoint to scrape). Every layer
 * records into it from a small DS component of its own that references this service and
 * removes its meters when it stops, so uninstalling a layer takes its metrics with it.
 *
 * <p>Also bound here: the JVM's and the process's own meters (memory pools, GC, threads,
 * class loading, CPU, uptime, open files), so an operator sees the node's footprint next to
 * the layers' figures.
 */
package network.internet2.management.metrics.internal;
