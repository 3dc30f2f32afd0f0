package network.internet2.trustchain.ca.internal;

import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.bc.BCObjectIdentifiers;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

import network.internet2.trustchain.crypto.Algorithms;
import network.internet2.trustchain.crypto.CryptoSuite;

/**
 * Maps the suites' algorithm names to X.509 algorithm identifiers and back,
 * and tells which algorithm (and suite) a public key signs with.
 */
final class SignatureAlgorithms {

    private static final Map<String, ASN1ObjectIdentifier> SIGNATURE_OIDS = Map.of(
            Algorithms.ECDSA_P256, X9ObjectIdentifiers.ecdsa_with_SHA256,
            Algorithms.ECDSA_P384, X9ObjectIdentifiers.ecdsa_with_SHA384,
            Algorithms.ED25519, EdECObjectIdentifiers.id_Ed25519,
            Algorithms.FALCON_1024, BCObjectIdentifiers.falcon_1024,
            Algorithms.ML_DSA_87, NISTObjectIdentifiers.id_ml_dsa_87);

    private SignatureAlgorithms() {
    }

    static AlgorithmIdentifier identifier(String algorithm) {
        ASN1ObjectIdentifier oid = SIGNATURE_OIDS.get(algorithm);
        if (oid == null) {
            throw new IllegalArgumentException("no X.509 signature algorithm for " + algorithm);
        }
        return new AlgorithmIdentifier(oid);
    }

    /** @return the algorithm name of an X.509 signature algorithm identifier, or {@code null} if unknown */
    static String name(AlgorithmIdentifier identifier) {
        for (Map.Entry<String, ASN1ObjectIdentifier> entry : SIGNATURE_OIDS.entrySet()) {
            if (entry.getValue().equals(identifier.getAlgorithm())) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** @return the signature algorithm a key of this kind signs with, or {@code null} for a key we do not accept */
    static String forKey(SubjectPublicKeyInfo key) {
        ASN1ObjectIdentifier type = key.getAlgorithm().getAlgorithm();
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(type)) {
            Object curve = key.getAlgorithm().getParameters();
            if (SECObjectIdentifiers.secp256r1.equals(curve)) {
                return Algorithms.ECDSA_P256;
            }
            if (SECObjectIdentifiers.secp384r1.equals(curve)) {
                return Algorithms.ECDSA_P384;
            }
            return null;
        }
        if (EdECObjectIdentifiers.id_Ed25519.equals(type)) {
            return Algorithms.ED25519;
        }
        if (BCObjectIdentifiers.falcon_1024.equals(type)) {
            return Algorithms.FALCON_1024;
        }
        if (NISTObjectIdentifiers.id_ml_dsa_87.equals(type)) {
            return Algorithms.ML_DSA_87;
        }
        return null;
    }

    /** @return the suite that offers a signature algorithm */
    static String suiteOf(String algorithm) {
        return Algorithms.FALCON_1024.equals(algorithm) || Algorithms.ML_DSA_87.equals(algorithm)
                ? CryptoSuite.POST_QUANTUM : CryptoSuite.CLASSICAL;
    }

    static boolean isPostQuantum(String algorithm) {
        return CryptoSuite.POST_QUANTUM.equals(suiteOf(algorithm));
    }
}
