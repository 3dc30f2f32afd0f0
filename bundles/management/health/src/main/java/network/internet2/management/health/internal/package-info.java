/**
 * Management health: serves {@code GET /health} on Karaf's HTTP service.
 *
 * <p>For each layer of the stack ({@code stoq}, {@code trustchain},
 * {@code hypermesh}) it reports whether the layer's implementation bundles are
 * installed and active and whether the services the layer must provide are
 * registered. A layer none of whose implementation bundles is installed is
 * {@code absent}, never {@code ok}; API bundles alone do not make a layer present.
 * The answer is computed from the live framework on every request.
 */
package network.internet2.management.health.internal;
