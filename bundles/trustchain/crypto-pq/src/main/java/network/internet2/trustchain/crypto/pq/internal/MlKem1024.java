package network.internet2.trustchain.crypto.pq.internal;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;

import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

import network.internet2.trustchain.crypto.CryptoException;
import network.internet2.trustchain.crypto.Encapsulation;
import network.internet2.trustchain.crypto.support.KeyType;

/**
 * ML-KEM-1024 (FIPS 203) with BouncyCastle's low-level generator and
 * extractor: the secret is the 32-byte FIPS 203 shared secret itself, with
 * no KDF on top (BouncyCastle's JCA {@code KeyGenerator("ML-KEM")} applies
 * KDF3-SHA256 unless told {@code withNoKdf()}). Keys at the edge are JCA
 * keys, read through their X.509 / PKCS#8 encodings.
 */
final class MlKem1024 {

    static final MLKEMParameters PARAMETERS = MLKEMParameters.ml_kem_1024;
    /** Ciphertext size of ML-KEM-1024, FIPS 203 section 8 (table 3): 1568 bytes. */
    static final int ENCAPSULATION_LENGTH = PARAMETERS.getEncapsulationLength();

    private final KeyType keys;
    private final SecureRandom random;

    MlKem1024(KeyType keys, SecureRandom random) {
        this.keys = keys;
        this.random = random;
    }

    KeyType keys() {
        return keys;
    }

    Encapsulation encapsulate(PublicKey recipient) throws CryptoException {
        SecretWithEncapsulation generated = new MLKEMGenerator(random).generateEncapsulated(publicParameters(recipient));
        byte[] secret = generated.getSecret();
        try {
            return new Encapsulation(secret, generated.getEncapsulation());
        } finally {
            java.util.Arrays.fill(secret, (byte) 0);
            destroy(generated);
        }
    }

    /**
     * A ciphertext of the right length always yields a secret: a tampered one,
     * or one made for another key, yields an unrelated secret (FIPS 203
     * implicit rejection), which the protocol above notices.
     */
    byte[] decapsulate(PrivateKey key, byte[] encapsulation) throws CryptoException {
        if (encapsulation == null || encapsulation.length != ENCAPSULATION_LENGTH) {
            throw new CryptoException("an ML-KEM-1024 encapsulation is " + ENCAPSULATION_LENGTH + " bytes (FIPS 203), got "
                    + (encapsulation == null ? "none" : encapsulation.length + " bytes")
                    + ": pass Encapsulation.encapsulation() unchanged, and check the sender used ML-KEM-1024");
        }
        MLKEMPrivateKeyParameters privateKey = privateParameters(key);
        try {
            return new MLKEMExtractor(privateKey).extractSecret(encapsulation);
        } catch (RuntimeException e) {
            throw new CryptoException("ML-KEM-1024 decapsulation failed: " + e.getMessage(), e);
        }
    }

    private MLKEMPublicKeyParameters publicParameters(PublicKey key) throws CryptoException {
        keys.requireFits(key);
        try {
            AsymmetricKeyParameter parameters = PublicKeyFactory.createKey(key.getEncoded());
            if (parameters instanceof MLKEMPublicKeyParameters mlkem && mlkem.getParameters() == PARAMETERS) {
                return mlkem;
            }
            throw new CryptoException("the recipient key decodes to " + describe(parameters)
                    + ", not an ML-KEM-1024 public key: use a key from generateKeyPair(\"ML-KEM-1024\")");
        } catch (IOException | RuntimeException e) {
            throw new CryptoException("the recipient's ML-KEM-1024 public key does not decode (" + e.getMessage()
                    + "): use a key from generateKeyPair(\"ML-KEM-1024\") or decodePublicKey(\"ML-KEM-1024\", …)", e);
        }
    }

    private MLKEMPrivateKeyParameters privateParameters(PrivateKey key) throws CryptoException {
        keys.requireFits(key);
        try {
            AsymmetricKeyParameter parameters = PrivateKeyFactory.createKey(key.getEncoded());
            if (parameters instanceof MLKEMPrivateKeyParameters mlkem && mlkem.getParameters() == PARAMETERS) {
                return mlkem;
            }
            throw new CryptoException("the private key decodes to " + describe(parameters)
                    + ", not an ML-KEM-1024 private key: use a key from generateKeyPair(\"ML-KEM-1024\")");
        } catch (IOException | RuntimeException e) {
            throw new CryptoException("the ML-KEM-1024 private key does not decode (" + e.getMessage()
                    + "): use a key from generateKeyPair(\"ML-KEM-1024\")", e);
        }
    }

    private static String describe(AsymmetricKeyParameter parameters) {
        return parameters instanceof MLKEMPublicKeyParameters p ? p.getParameters().getName()
                : parameters instanceof MLKEMPrivateKeyParameters p ? p.getParameters().getName()
                : parameters.getClass().getSimpleName();
    }

    private static void destroy(SecretWithEncapsulation generated) {
        try {
            generated.destroy();
        } catch (javax.security.auth.DestroyFailedException ignored) {
            // the copy we returned is what matters; BouncyCastle's own copy is left to the collector
        }
    }
}
