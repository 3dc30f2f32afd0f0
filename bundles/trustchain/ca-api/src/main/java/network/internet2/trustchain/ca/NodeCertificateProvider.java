package network.internet2.trustchain.ca;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The node's own certificate, issued by the CA at start and renewed before it
 * expires. Callers ask for {@link #current()} each time they need it (for
 * example per new connection), so renewals take effect without a restart.
 */
@ProviderType
public interface NodeCertificateProvider {

    /** @return the node's current certified key */
    NodeCertificate current();
}
