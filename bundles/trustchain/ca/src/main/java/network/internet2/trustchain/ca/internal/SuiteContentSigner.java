package network.internet2.trustchain.ca.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.PrivateKey;

import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.RuntimeOperatorException;

import network.internet2.trustchain.ca.CaUnavailableException;
import network.internet2.trustchain.crypto.CryptoException;
import network.internet2.trustchain.crypto.CryptoSuite;

/** A BouncyCastle {@link ContentSigner} that signs through a {@link CryptoSuite}. */
final class SuiteContentSigner implements ContentSigner {

    private final String algorithm;
    private final CryptoSuite suite;
    private final PrivateKey key;
    private final ByteArrayOutputStream content = new ByteArrayOutputStream();

    private SuiteContentSigner(String algorithm, CryptoSuite suite, PrivateKey key) {
        this.algorithm = algorithm;
        this.suite = suite;
        this.key = key;
    }

    /** @throws CaUnavailableException if the suite offering {@code algorithm} is not installed */
    static SuiteContentSigner of(String algorithm, PrivateKey key, SuiteLookup suites) throws CaUnavailableException {
        return new SuiteContentSigner(algorithm, suites.suite(SignatureAlgorithms.suiteOf(algorithm)), key);
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return SignatureAlgorithms.identifier(algorithm);
    }

    @Override
    public OutputStream getOutputStream() {
        return content;
    }

    @Override
    public byte[] getSignature() {
        try {
            return suite.sign(algorithm, key, content.toByteArray());
        } catch (CryptoException e) {
            throw new RuntimeOperatorException("cannot sign with " + algorithm + ": " + e.getMessage(), e);
        }
    }
}
