package network.internet2.trustchain.crypto.support;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

import network.internet2.trustchain.crypto.CryptoException;

/**
 * The keys of one algorithm of the suite: how to generate them, decode them,
 * and tell whether a key given to the suite belongs to the algorithm.
 *
 * <p>A key fits when its encoding (X.509 {@code SubjectPublicKeyInfo} or
 * PKCS#8) names the expected algorithm OID and, where one is expected (EC
 * curves), the expected parameters OID; the post-quantum OIDs each name one
 * parameter set, so a key of another set does not fit. Going by the encoding
 * accepts keys of any provider (the JDK's {@code XDH}/{@code EdDSA} keys as
 * well as BouncyCastle's).
 */
public final class KeyType {

    private final String suite;
    private final String algorithm;
    private final Provider provider;
    private final String jcaKeyAlgorithm;
    private final AlgorithmParameterSpec generationSpec;
    private final ASN1ObjectIdentifier oid;
    private final ASN1ObjectIdentifier parametersOid;

    /**
     * @param suite           the suite's identifier, for messages
     * @param algorithm       the algorithm's name in {@code Algorithms}
     * @param provider        the provider whose KeyPairGenerator and KeyFactory are used
     * @param jcaKeyAlgorithm the provider's name for the key algorithm
     * @param generationSpec  parameters for key generation, or {@code null} when the algorithm name implies them
     * @param oid             the algorithm OID every fitting key's encoding carries
     * @param parametersOid   the parameters OID (named curve) a fitting key carries, or {@code null}
     */
    public KeyType(String suite, String algorithm, Provider provider, String jcaKeyAlgorithm,
            AlgorithmParameterSpec generationSpec, ASN1ObjectIdentifier oid, ASN1ObjectIdentifier parametersOid) {
        this.suite = suite;
        this.algorithm = algorithm;
        this.provider = provider;
        this.jcaKeyAlgorithm = jcaKeyAlgorithm;
        this.generationSpec = generationSpec;
        this.oid = oid;
        this.parametersOid = parametersOid;
    }

    public String algorithm() {
        return algorithm;
    }

    public Provider provider() {
        return provider;
    }

    public KeyPair generateKeyPair(SecureRandom random) throws CryptoException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(jcaKeyAlgorithm, provider);
            if (generationSpec != null) {
                generator.initialize(generationSpec, random);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot generate a " + algorithm + " key pair with provider "
                    + provider.getName() + " " + provider.getVersionStr() + ": " + e.getMessage()
                    + " (is BouncyCastle 1.87 or later installed?)", e);
        }
    }

    public PublicKey decodePublicKey(byte[] subjectPublicKeyInfo) throws CryptoException {
        if (subjectPublicKeyInfo == null || subjectPublicKeyInfo.length == 0) {
            throw new CryptoException("no " + algorithm + " public key given: pass the key's X.509 "
                    + "SubjectPublicKeyInfo DER encoding (PublicKey.getEncoded())");
        }
        AlgorithmIdentifier found;
        try {
            found = SubjectPublicKeyInfo.getInstance(subjectPublicKeyInfo).getAlgorithm();
        } catch (RuntimeException e) {
            throw new CryptoException("not an X.509 SubjectPublicKeyInfo DER encoding (" + subjectPublicKeyInfo.length
                    + " bytes): pass PublicKey.getEncoded() of a " + algorithm + " key, not raw key bytes, PEM or "
                    + "a certificate (" + e.getMessage() + ")", e);
        }
        requireFits(found, "public key");
        try {
            return KeyFactory.getInstance(jcaKeyAlgorithm, provider)
                    .generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new CryptoException("malformed " + algorithm + " public key: the SubjectPublicKeyInfo names "
                    + algorithm + " but its key bits do not decode (" + e.getMessage() + ")", e);
        }
    }

    /** @throws CryptoException unless {@code key} is a private key of this algorithm */
    public void requireFits(PrivateKey key) throws CryptoException {
        requireFits(key, "private key");
    }

    /** @throws CryptoException unless {@code key} is a public key of this algorithm */
    public void requireFits(PublicKey key) throws CryptoException {
        requireFits(key, "public key");
    }

    private void requireFits(Key key, String what) throws CryptoException {
        if (key == null) {
            throw new CryptoException("no " + what + " given for " + algorithm);
        }
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            throw new CryptoException("the " + key.getAlgorithm() + " " + what + " cannot be encoded (format "
                    + key.getFormat() + "): crypto suite " + suite + " needs exportable keys, e.g. from its "
                    + "generateKeyPair(\"" + algorithm + "\")");
        }
        AlgorithmIdentifier found;
        try {
            found = key instanceof PrivateKey
                    ? PrivateKeyInfo.getInstance(encoded).getPrivateKeyAlgorithm()
                    : SubjectPublicKeyInfo.getInstance(encoded).getAlgorithm();
        } catch (RuntimeException e) {
            throw new CryptoException("the " + key.getAlgorithm() + " " + what + " has an unreadable encoding "
                    + "(format " + key.getFormat() + ", expected " + (key instanceof PrivateKey ? "PKCS#8" : "X.509")
                    + "): use a key from generateKeyPair(\"" + algorithm + "\")", e);
        }
        requireFits(found, what + " (" + key.getAlgorithm() + ")");
    }

    private void requireFits(AlgorithmIdentifier found, String what) throws CryptoException {
        ASN1Encodable foundParameters = found.getParameters();
        boolean parametersFit = parametersOid == null
                ? foundParameters == null || DERNull.INSTANCE.equals(foundParameters)
                : parametersOid.equals(foundParameters);
        if (!oid.equals(found.getAlgorithm()) || !parametersFit) {
            throw new CryptoException("the " + what + " is of algorithm " + describe(found) + ", which does not fit "
                    + algorithm + " (expected " + describe(oid, parametersOid) + "): use a key made by crypto suite "
                    + suite + " generateKeyPair(\"" + algorithm + "\"), or pick the algorithm that matches the key");
        }
    }

    /**
     * Returns {@code key} as a key of this provider, re-decoding its encoding
     * when the provider refuses the object itself (a key of another provider).
     */
    public PrivateKey translate(PrivateKey key) throws CryptoException {
        try {
            return KeyFactory.getInstance(jcaKeyAlgorithm, provider)
                    .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new CryptoException("the " + key.getAlgorithm() + " private key cannot be used for " + algorithm
                    + " (" + e.getMessage() + "): use a key from generateKeyPair(\"" + algorithm + "\")", e);
        }
    }

    /** Like {@link #translate(PrivateKey)} for public keys. */
    public PublicKey translate(PublicKey key) throws CryptoException {
        return decodePublicKey(key.getEncoded());
    }

    private static String describe(AlgorithmIdentifier id) {
        ASN1Encodable parameters = id.getParameters();
        return describe(id.getAlgorithm(), parameters instanceof ASN1ObjectIdentifier p ? p : null);
    }

    private static String describe(ASN1ObjectIdentifier oid, ASN1ObjectIdentifier parametersOid) {
        return "OID " + oid.getId() + (parametersOid == null ? "" : " with parameters " + parametersOid.getId());
    }
}
