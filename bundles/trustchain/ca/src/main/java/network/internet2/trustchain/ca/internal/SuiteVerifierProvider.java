package network.internet2.trustchain.ca.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.PublicKey;

import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;

import network.internet2.trustchain.ca.CaUnavailableException;
import network.internet2.trustchain.crypto.CryptoException;
import network.internet2.trustchain.crypto.CryptoSuite;

/**
 * A BouncyCastle {@link ContentVerifierProvider} that verifies through the
 * {@link CryptoSuite} offering the key's algorithm. A signature algorithm that
 * does not fit the key is refused rather than tried.
 */
final class SuiteVerifierProvider implements ContentVerifierProvider {

    private final String algorithm;
    private final CryptoSuite suite;
    private final PublicKey key;

    private SuiteVerifierProvider(String algorithm, CryptoSuite suite, PublicKey key) {
        this.algorithm = algorithm;
        this.suite = suite;
        this.key = key;
    }

    /**
     * @throws CaUnavailableException if the suite for the key's algorithm is not installed
     * @throws IllegalArgumentException if the key is of a kind no suite signs with
     */
    static SuiteVerifierProvider of(SubjectPublicKeyInfo keyInfo, SuiteLookup suites) throws CaUnavailableException {
        String algorithm = SignatureAlgorithms.forKey(keyInfo);
        if (algorithm == null) {
            throw new IllegalArgumentException("unsupported key type " + keyInfo.getAlgorithm().getAlgorithm());
        }
        CryptoSuite suite = suites.suite(SignatureAlgorithms.suiteOf(algorithm));
        try {
            return new SuiteVerifierProvider(algorithm, suite, suite.decodePublicKey(algorithm, keyInfo.getEncoded()));
        } catch (CryptoException | java.io.IOException e) {
            throw new IllegalArgumentException("unusable " + algorithm + " key: " + e.getMessage(), e);
        }
    }

    String algorithm() {
        return algorithm;
    }

    @Override
    public boolean hasAssociatedCertificate() {
        return false;
    }

    @Override
    public X509CertificateHolder getAssociatedCertificate() {
        return null;
    }

    @Override
    public ContentVerifier get(AlgorithmIdentifier identifier) throws OperatorCreationException {
        if (!algorithm.equals(SignatureAlgorithms.name(identifier))) {
            throw new OperatorCreationException("signature algorithm " + identifier.getAlgorithm()
                    + " does not fit a " + algorithm + " key");
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        return new ContentVerifier() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return identifier;
            }

            @Override
            public OutputStream getOutputStream() {
                return content;
            }

            @Override
            public boolean verify(byte[] signature) {
                try {
                    return suite.verify(algorithm, key, content.toByteArray(), signature);
                } catch (CryptoException e) {
                    return false;
                }
            }
        };
    }
}
