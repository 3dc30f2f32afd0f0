/**
 * TrustChain certificate authority: the embedded CA that bootstraps the node's
 * trust offline and issues hybrid certificates (a classical signature that TLS
 * stacks check, plus a FALCON-1024 alternative signature).
 *
 * <p>{@link network.internet2.trustchain.ca.CertificateAuthority} is the CA itself;
 * {@link network.internet2.trustchain.ca.NodeCertificateProvider} hands out the node's
 * own, automatically renewed certificate to the transport.
 */
@Export
@Version("1.1.0")
package network.internet2.trustchain.ca;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
