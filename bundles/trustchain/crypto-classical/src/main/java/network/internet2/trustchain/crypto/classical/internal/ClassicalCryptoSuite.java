package network.internet2.trustchain.crypto.classical.internal;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.osgi.service.component.annotations.Component;

import network.internet2.trustchain.crypto.Algorithms;
import network.internet2.trustchain.crypto.CryptoException;
import network.internet2.trustchain.crypto.CryptoSuite;
import network.internet2.trustchain.crypto.Encapsulation;
import network.internet2.trustchain.crypto.UnsupportedAlgorithmException;
import network.internet2.trustchain.crypto.support.KeyType;
import network.internet2.trustchain.crypto.support.SignatureScheme;

/**
 * The classical suite: ECDSA P-256/P-384, Ed25519, and DHKEM(X25519, HKDF-SHA256).
 * Stateless apart from its own BouncyCastle provider instance and random source,
 * both thread-safe.
 */
@Component(service = CryptoSuite.class, property = CryptoSuite.SUITE_PROPERTY + "=" + CryptoSuite.CLASSICAL)
public final class ClassicalCryptoSuite implements CryptoSuite {

    /** id-Ed25519 and id-X25519 (RFC 8410 section 3). */
    static final ASN1ObjectIdentifier ED25519_OID = new ASN1ObjectIdentifier("1.3.101.112");
    static final ASN1ObjectIdentifier X25519_OID = new ASN1ObjectIdentifier("1.3.101.110");

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SignatureScheme> signatures;
    private final X25519Kem x25519;

    public ClassicalCryptoSuite() {
        Provider bc = new BouncyCastleProvider();
        signatures = Map.of(
                Algorithms.ECDSA_P256, new SignatureScheme(new KeyType(CLASSICAL, Algorithms.ECDSA_P256, bc, "EC",
                        new ECGenParameterSpec("secp256r1"), X9ObjectIdentifiers.id_ecPublicKey,
                        SECObjectIdentifiers.secp256r1), "SHA256withECDSA"),
                Algorithms.ECDSA_P384, new SignatureScheme(new KeyType(CLASSICAL, Algorithms.ECDSA_P384, bc, "EC",
                        new ECGenParameterSpec("secp384r1"), X9ObjectIdentifiers.id_ecPublicKey,
                        SECObjectIdentifiers.secp384r1), "SHA384withECDSA"),
                Algorithms.ED25519, new SignatureScheme(new KeyType(CLASSICAL, Algorithms.ED25519, bc, "Ed25519",
                        null, ED25519_OID, null), "Ed25519"));
        x25519 = new X25519Kem(new KeyType(CLASSICAL, Algorithms.X25519, bc, "X25519", null, X25519_OID, null),
                random);
    }

    @Override
    public String id() {
        return CLASSICAL;
    }

    @Override
    public Set<String> signatureAlgorithms() {
        return signatures.keySet();
    }

    @Override
    public Set<String> kemAlgorithms() {
        return Set.of(Algorithms.X25519);
    }

    @Override
    public KeyPair generateKeyPair(String algorithm) throws CryptoException {
        return keyType(algorithm).generateKeyPair(random);
    }

    @Override
    public byte[] sign(String algorithm, PrivateKey key, byte[] data) throws CryptoException {
        return signature(algorithm).sign(key, data, random);
    }

    @Override
    public boolean verify(String algorithm, PublicKey key, byte[] data, byte[] signature) throws CryptoException {
        return signature(algorithm).verify(key, data, signature);
    }

    @Override
    public Encapsulation encapsulate(String algorithm, PublicKey recipient) throws CryptoException {
        return kem(algorithm).encapsulate(recipient);
    }

    @Override
    public byte[] decapsulate(String algorithm, PrivateKey key, byte[] encapsulation) throws CryptoException {
        return kem(algorithm).decapsulate(key, encapsulation);
    }

    @Override
    public PublicKey decodePublicKey(String algorithm, byte[] subjectPublicKeyInfo) throws CryptoException {
        return keyType(algorithm).decodePublicKey(subjectPublicKeyInfo);
    }

    /** For tests that need the KEM's deterministic entry point. */
    X25519Kem x25519() {
        return x25519;
    }

    private SignatureScheme signature(String algorithm) throws UnsupportedAlgorithmException {
        SignatureScheme scheme = algorithm == null ? null : signatures.get(algorithm);
        if (scheme == null) {
            throw new UnsupportedAlgorithmException(CLASSICAL, algorithm);
        }
        return scheme;
    }

    private X25519Kem kem(String algorithm) throws UnsupportedAlgorithmException {
        if (!Algorithms.X25519.equals(algorithm)) {
            throw new UnsupportedAlgorithmException(CLASSICAL, algorithm);
        }
        return x25519;
    }

    private KeyType keyType(String algorithm) throws UnsupportedAlgorithmException {
        return Algorithms.X25519.equals(algorithm) ? x25519.keys() : signature(algorithm).keys();
    }
}
