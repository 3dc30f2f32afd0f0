/**
 * The classical TrustChain crypto suite ({@code crypto.suite=classical}).
 *
 * <p>One Declarative Services component, {@link network.internet2.trustchain.crypto.classical.internal.ClassicalCryptoSuite},
 * registers a {@link network.internet2.trustchain.crypto.CryptoSuite} offering ECDSA over P-256 (SHA-256) and
 * P-384 (SHA-384) and Ed25519 signatures, and X25519 as a KEM: DHKEM(X25519, HKDF-SHA256) of RFC 9180
 * section 4.1, so that an encapsulation is the sender's 32-byte ephemeral public key and the secret is 32 bytes.
 *
 * <p>BouncyCastle (1.87 or later, installed by the {@code internet2-thirdparty} feature) does the work through a
 * provider instance the component holds; nothing is registered with {@code java.security.Security}. Keys are
 * accepted from any provider as long as their encoding names the algorithm. Nothing here is exported: use the
 * service.
 */
package network.internet2.trustchain.crypto.classical.internal;
