package network.internet2.trustchain.crypto;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A family of algorithms, provided by one bundle: signatures and key
 * encapsulation. Algorithms are named by the constants of {@link Algorithms}.
 *
 * <p>Implementations are registered as OSGi services with the
 * {@link #SUITE_PROPERTY} service property. Every method is thread-safe.
 */
@ConsumerType
public interface CryptoSuite {

    /** Service property naming the suite, e.g. {@code crypto.suite=classical}. */
    String SUITE_PROPERTY = "crypto.suite";

    /** Identifier of the classical suite: ECDSA P-256/P-384, Ed25519, X25519. */
    String CLASSICAL = "classical";

    /** Identifier of the post-quantum suite: FALCON-1024 signatures, ML-KEM-1024 encapsulation. */
    String POST_QUANTUM = "pq-falcon1024-mlkem1024";

    /** @return this suite's identifier, equal to its {@link #SUITE_PROPERTY} value */
    String id();

    /** @return the signature algorithms this suite offers, named as in {@link Algorithms} */
    Set<String> signatureAlgorithms();

    /** @return the key-encapsulation (or key-agreement) algorithms this suite offers */
    Set<String> kemAlgorithms();

    /**
     * Generates a fresh key pair for a signature or KEM algorithm of this suite.
     *
     * @throws UnsupportedAlgorithmException if this suite does not offer {@code algorithm}
     */
    KeyPair generateKeyPair(String algorithm) throws CryptoException;

    /**
     * Signs {@code data} with {@code key}.
     *
     * @throws UnsupportedAlgorithmException if this suite does not offer {@code algorithm}
     * @throws CryptoException if the key does not fit the algorithm
     */
    byte[] sign(String algorithm, PrivateKey key, byte[] data) throws CryptoException;

    /**
     * Verifies a signature. A signature that is merely wrong (or malformed)
     * yields {@code false}; only an unusable key or algorithm throws.
     */
    boolean verify(String algorithm, PublicKey key, byte[] data, byte[] signature) throws CryptoException;

    /**
     * Encapsulates a fresh shared secret to {@code recipient}.
     *
     * @throws UnsupportedAlgorithmException if this suite does not offer {@code algorithm} as a KEM
     */
    Encapsulation encapsulate(String algorithm, PublicKey recipient) throws CryptoException;

    /**
     * Recovers the shared secret from an encapsulation made to this key.
     *
     * @throws CryptoException if the ciphertext is malformed for {@code algorithm}
     */
    byte[] decapsulate(String algorithm, PrivateKey key, byte[] encapsulation) throws CryptoException;

    /**
     * Decodes a public key from its X.509 {@code SubjectPublicKeyInfo} DER encoding.
     *
     * @throws CryptoException if the encoding is malformed or not of {@code algorithm}
     */
    PublicKey decodePublicKey(String algorithm, byte[] subjectPublicKeyInfo) throws CryptoException;
}
