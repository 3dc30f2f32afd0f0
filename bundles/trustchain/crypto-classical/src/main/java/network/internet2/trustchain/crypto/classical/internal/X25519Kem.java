package network.internet2.trustchain.crypto.classical.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

import network.internet2.trustchain.crypto.CryptoException;
import network.internet2.trustchain.crypto.Encapsulation;
import network.internet2.trustchain.crypto.support.KeyType;

/**
 * DHKEM(X25519, HKDF-SHA256), KEM id 0x0020, exactly as RFC 9180 section 4.1
 * defines it: {@code enc} is the raw 32-byte ephemeral public key and the
 * shared secret is {@code ExtractAndExpand(DH(skE, pkR), enc || pkRm)}, 32 bytes.
 * Keys at the edge are JCA keys (any provider); they are read through their
 * X.509 / PKCS#8 encodings.
 */
final class X25519Kem {

    /** Nenc = Npk = Nsecret = 32 for DHKEM(X25519, HKDF-SHA256) (RFC 9180 section 7.1). */
    static final int ENCAPSULATION_LENGTH = 32;
    static final int SECRET_LENGTH = 32;

    /** suite_id = "KEM" || I2OSP(kem_id = 0x0020, 2) (RFC 9180 section 4.1). */
    private static final byte[] SUITE_ID = {'K', 'E', 'M', 0x00, 0x20};
    private static final byte[] HPKE_V1 = ascii("HPKE-v1");
    private static final byte[] EAE_PRK = ascii("eae_prk");
    private static final byte[] SHARED_SECRET = ascii("shared_secret");

    private final KeyType keys;
    private final SecureRandom random;

    X25519Kem(KeyType keys, SecureRandom random) {
        this.keys = keys;
        this.random = random;
    }

    KeyType keys() {
        return keys;
    }

    Encapsulation encapsulate(PublicKey recipient) throws CryptoException {
        return encapsulate(recipient, new X25519PrivateKeyParameters(random));
    }

    /** Encap with a given ephemeral key: only tests (RFC 9180 Appendix A.1) choose it. */
    Encapsulation encapsulate(PublicKey recipient, X25519PrivateKeyParameters ephemeral) throws CryptoException {
        return encapsulate(publicParameters(recipient), ephemeral);
    }

    byte[] decapsulate(PrivateKey key, byte[] encapsulation) throws CryptoException {
        if (encapsulation == null || encapsulation.length != ENCAPSULATION_LENGTH) {
            throw new CryptoException("an X25519 encapsulation is " + ENCAPSULATION_LENGTH + " bytes (the sender's "
                    + "raw ephemeral public key, RFC 9180 DHKEM), got "
                    + (encapsulation == null ? "none" : encapsulation.length + " bytes")
                    + ": pass Encapsulation.encapsulation() unchanged");
        }
        return decapsulate(privateParameters(key), encapsulation);
    }

    /** RFC 9180 section 4.1 Encap(pkR), with the ephemeral key given (tests use the Appendix A.1 one). */
    static Encapsulation encapsulate(X25519PublicKeyParameters pkR, X25519PrivateKeyParameters skE)
            throws CryptoException {
        byte[] dh = dh(skE, pkR);
        byte[] enc = skE.generatePublicKey().getEncoded();
        byte[] sharedSecret = extractAndExpand(dh, concat(enc, pkR.getEncoded()));
        Encapsulation result = new Encapsulation(sharedSecret, enc);
        Arrays.fill(sharedSecret, (byte) 0);
        return result;
    }

    /** RFC 9180 section 4.1 Decap(enc, skR). */
    static byte[] decapsulate(X25519PrivateKeyParameters skR, byte[] enc) throws CryptoException {
        byte[] dh = dh(skR, new X25519PublicKeyParameters(enc, 0));
        return extractAndExpand(dh, concat(enc, skR.generatePublicKey().getEncoded()));
    }

    /**
     * X25519(sk, pk) per RFC 7748; an all-zero result (a small-order public
     * key) is refused as RFC 9180 section 7.1.4 requires.
     */
    static byte[] dh(X25519PrivateKeyParameters sk, X25519PublicKeyParameters pk) throws CryptoException {
        byte[] out = new byte[X25519PrivateKeyParameters.SECRET_SIZE];
        try {
            sk.generateSecret(pk, out, 0);
        } catch (IllegalStateException allZero) {
            throw new CryptoException("X25519 agreement gave the all-zero value: the peer's public key (or the "
                    + "encapsulation) is a small-order point, not a real X25519 key; refuse this peer", allZero);
        }
        return out;
    }

    /** ExtractAndExpand(dh, kem_context) of RFC 9180 section 4.1; wipes {@code dh}. */
    static byte[] extractAndExpand(byte[] dh, byte[] kemContext) {
        byte[] eaePrk = labeledExtract(new byte[0], EAE_PRK, dh);
        Arrays.fill(dh, (byte) 0);
        byte[] sharedSecret = labeledExpand(eaePrk, SHARED_SECRET, kemContext, SECRET_LENGTH);
        Arrays.fill(eaePrk, (byte) 0);
        return sharedSecret;
    }

    /** LabeledExtract(salt, label, ikm) = Extract(salt, "HPKE-v1" || suite_id || label || ikm). */
    private static byte[] labeledExtract(byte[] salt, byte[] label, byte[] ikm) {
        return hmac(salt, HPKE_V1, SUITE_ID, label, ikm);
    }

    /**
     * LabeledExpand(prk, label, info, L) = Expand(prk, I2OSP(L, 2) || "HPKE-v1" || suite_id || label || info, L),
     * with HKDF-Expand of RFC 5869.
     */
    private static byte[] labeledExpand(byte[] prk, byte[] label, byte[] info, int length) {
        byte[] labeledInfo = concat(new byte[] {(byte) (length >>> 8), (byte) length}, HPKE_V1, SUITE_ID, label, info);
        byte[] okm = new byte[length];
        byte[] t = new byte[0];
        for (int counter = 1, done = 0; done < length; counter++) {
            t = hmac(prk, t, labeledInfo, new byte[] {(byte) counter});
            int n = Math.min(t.length, length - done);
            System.arraycopy(t, 0, okm, done, n);
            done += n;
        }
        return okm;
    }

    /** HMAC-SHA256; an empty key is allowed (HKDF-Extract's default salt). */
    private static byte[] hmac(byte[] key, byte[]... parts) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        for (byte[] part : parts) {
            mac.update(part, 0, part.length);
        }
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    X25519PublicKeyParameters publicParameters(PublicKey key) throws CryptoException {
        keys.requireFits(key);
        try {
            AsymmetricKeyParameter parameters = PublicKeyFactory.createKey(key.getEncoded());
            if (parameters instanceof X25519PublicKeyParameters x25519) {
                return x25519;
            }
            throw new CryptoException("the recipient key decodes to " + parameters.getClass().getSimpleName()
                    + ", not an X25519 public key: use a key from generateKeyPair(\"X25519\")");
        } catch (IOException | RuntimeException e) {
            throw new CryptoException("the recipient's X25519 public key does not decode (" + e.getMessage()
                    + "): use a key from generateKeyPair(\"X25519\") or decodePublicKey(\"X25519\", …)", e);
        }
    }

    X25519PrivateKeyParameters privateParameters(PrivateKey key) throws CryptoException {
        keys.requireFits(key);
        try {
            AsymmetricKeyParameter parameters = PrivateKeyFactory.createKey(key.getEncoded());
            if (parameters instanceof X25519PrivateKeyParameters x25519) {
                return x25519;
            }
            throw new CryptoException("the private key decodes to " + parameters.getClass().getSimpleName()
                    + ", not an X25519 private key: use a key from generateKeyPair(\"X25519\")");
        } catch (IOException | RuntimeException e) {
            throw new CryptoException("the X25519 private key does not decode (" + e.getMessage()
                    + "): use a key from generateKeyPair(\"X25519\")", e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
