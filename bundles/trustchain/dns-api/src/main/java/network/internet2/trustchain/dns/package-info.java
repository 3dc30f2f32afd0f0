/**
 * TrustChain DNS: how every layer of the stack resolves names, and how bundles
 * publish their own names in the node's zone. The stack never asks the
 * operating system's resolver.
 *
 * <p>{@link network.internet2.trustchain.dns.NameService} resolves names of the
 * zone to IPv6 addresses. {@link network.internet2.trustchain.dns.ZoneRegistry}
 * is registered with bundle scope: records a bundle registers are removed when
 * that bundle stops using the service (for example when it is uninstalled).
 */
@Export
@Version("1.1.0")
package network.internet2.trustchain.dns;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
