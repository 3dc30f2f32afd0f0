package network.internet2.trustchain.crypto.support;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Objects;

import network.internet2.trustchain.crypto.CryptoException;

/**
 * One signature algorithm: a {@link KeyType} and the provider's signature
 * algorithm. A fresh {@link Signature} per call keeps it thread-safe.
 */
public final class SignatureScheme {

    private final KeyType keys;
    private final String jcaSignatureAlgorithm;

    public SignatureScheme(KeyType keys, String jcaSignatureAlgorithm) {
        this.keys = keys;
        this.jcaSignatureAlgorithm = jcaSignatureAlgorithm;
    }

    public KeyType keys() {
        return keys;
    }

    public byte[] sign(PrivateKey key, byte[] data, SecureRandom random) throws CryptoException {
        Objects.requireNonNull(data, "data");
        keys.requireFits(key);
        Signature signature = newSignature();
        try {
            try {
                signature.initSign(key, random);
            } catch (InvalidKeyException refused) {
                // a fitting key of another provider: hand the provider its own decoding
                signature.initSign(keys.translate(key), random);
            }
            signature.update(data);
            return signature.sign();
        } catch (InvalidKeyException e) {
            throw new CryptoException("the private key cannot sign with " + keys.algorithm() + " (" + e.getMessage()
                    + "): use a key from generateKeyPair(\"" + keys.algorithm() + "\")", e);
        } catch (SignatureException e) {
            throw new CryptoException(keys.algorithm() + " signing failed: " + e.getMessage(), e);
        }
    }

    public boolean verify(PublicKey key, byte[] data, byte[] signatureBytes) throws CryptoException {
        Objects.requireNonNull(data, "data");
        keys.requireFits(key);
        if (signatureBytes == null || signatureBytes.length == 0) {
            return false;
        }
        Signature signature = newSignature();
        try {
            try {
                signature.initVerify(key);
            } catch (InvalidKeyException refused) {
                signature.initVerify(keys.translate(key));
            }
        } catch (InvalidKeyException e) {
            throw new CryptoException("the public key cannot verify " + keys.algorithm() + " signatures ("
                    + e.getMessage() + "): use a key from generateKeyPair(\"" + keys.algorithm() + "\")", e);
        }
        try {
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (SignatureException | RuntimeException malformed) {
            // A signature that does not even decode is a wrong signature, not an error of the caller's setup.
            return false;
        }
    }

    private Signature newSignature() throws CryptoException {
        try {
            return Signature.getInstance(jcaSignatureAlgorithm, keys.provider());
        } catch (GeneralSecurityException e) {
            throw new CryptoException("provider " + keys.provider().getName() + " " + keys.provider().getVersionStr()
                    + " has no " + jcaSignatureAlgorithm + " signature: install BouncyCastle 1.87 or later", e);
        }
    }
}
