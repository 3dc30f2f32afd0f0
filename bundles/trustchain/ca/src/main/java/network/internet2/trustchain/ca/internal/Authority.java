package network.internet2.trustchain.ca.internal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * A signing CA certificate (root or intermediate) with its keys.
 *
 * @param certificate           the CA's certificate
 * @param classicalAlgorithm    the algorithm of its classical key
 * @param classicalKey          its classical private key
 * @param alternativeKey        its FALCON-1024 private key, or {@code null} for a classical-only CA
 */
record Authority(X509Certificate certificate, String classicalAlgorithm, PrivateKey classicalKey,
        PrivateKey alternativeKey) {

    X500Name name() {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    SubjectPublicKeyInfo publicKey() {
        return SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded());
    }

    boolean hybrid() {
        return alternativeKey != null;
    }

    @Override
    public String toString() {
        return "Authority[" + certificate.getSubjectX500Principal() + "]";
    }
}
