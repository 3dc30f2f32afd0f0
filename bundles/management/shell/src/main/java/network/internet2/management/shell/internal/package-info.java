/**
 * Karaf shell commands about the node as a whole, scope {@code internet2}:
 * {@code internet2:status} shows in aligned tables what {@code GET /health} answers — the node (name, version,
 * status, uptime) with its resident memory and heap, each layer's status with its bundles, services and problems,
 * the figures the layers publish, and the alerts — or, with {@code --json}, that answer as JSON.
 *
 * <p>The commands depend on no layer's API: the management feature is installed on nodes without layers, and
 * a layer that is absent is shown as {@code absent}. What they show comes from one service, the health bundle's
 * {@code java.util.function.Supplier<Map<String, Object>>} registered with {@code internet2.health=node}; without
 * it the command fails with a message saying so. Memory is read here, from {@code java.lang.management} and the
 * {@code VmRSS} line of {@code /proc/self/status}. The bundle carries the header
 * {@code Karaf-Commands: network.internet2.management.shell.internal} (see {@code bnd.bnd}). Nothing here is
 * exported.
 */
package network.internet2.management.shell.internal;
