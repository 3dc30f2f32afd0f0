/**
 * The post-quantum TrustChain crypto suite ({@code crypto.suite=pq-falcon1024-mlkem1024}).
 *
 * <p>One Declarative Services component, {@link network.internet2.trustchain.crypto.pq.internal.PostQuantumCryptoSuite},
 * registers a {@link network.internet2.trustchain.crypto.CryptoSuite} offering FALCON-1024 (NIST round-3 parameter
 * set, BouncyCastle's experimental OID 1.3.9999.3.14) and ML-DSA-87 (FIPS 204) signatures, and ML-KEM-1024
 * (FIPS 203) key encapsulation: a 1568-byte ciphertext carrying a 32-byte shared secret.
 *
 * <p>BouncyCastle (1.87 or later, installed by the {@code internet2-thirdparty} feature) does the work through
 * provider instances the component holds ({@code BouncyCastleProvider} and {@code BouncyCastlePQCProvider});
 * nothing is registered with {@code java.security.Security}. Nothing here is exported: use the service.
 */
package network.internet2.trustchain.crypto.pq.internal;
