/**
 * TrustChain crypto suites: the plug-in point through which the CA, the CT log,
 * the transport and the proof engines sign, verify and encapsulate keys.
 *
 * <p>A suite bundle registers a {@link network.internet2.trustchain.crypto.CryptoSuite}
 * service with the {@value network.internet2.trustchain.crypto.CryptoSuite#SUITE_PROPERTY}
 * property set to its identifier ({@link network.internet2.trustchain.crypto.CryptoSuite#CLASSICAL}
 * or {@link network.internet2.trustchain.crypto.CryptoSuite#POST_QUANTUM}). Consumers track suites
 * dynamically: when a suite leaves, operations that need it fail with
 * {@link network.internet2.trustchain.crypto.SuiteUnavailableException}.
 */
@Export
@Version("1.0.0")
package network.internet2.trustchain.crypto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
