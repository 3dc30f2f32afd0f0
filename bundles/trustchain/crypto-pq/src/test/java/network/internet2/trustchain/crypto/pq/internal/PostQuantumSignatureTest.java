package network.internet2.trustchain.crypto.pq.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.BeforeClass;
import org.junit.Test;

import network.internet2.trustchain.crypto.Algorithms;
import network.internet2.trustchain.crypto.CryptoException;
import network.internet2.trustchain.crypto.support.SignatureBehaviour;

/**
 * FALCON-1024 and ML-DSA-87 signatures of the post-quantum suite. No published
 * vectors are used: FALCON-1024 and ML-DSA-87 (hedged) signing is randomised,
 * so these are round-trip and tamper tests.
 */
public class PostQuantumSignatureTest {

    private static final PostQuantumCryptoSuite SUITE = new PostQuantumCryptoSuite();
    private static SignatureBehaviour falcon;
    private static SignatureBehaviour mlDsa;

    @BeforeClass
    public static void generateKeys() throws CryptoException {
        falcon = new SignatureBehaviour(SUITE, Algorithms.FALCON_1024);
        mlDsa = new SignatureBehaviour(SUITE, Algorithms.ML_DSA_87);
    }

    @Test
    public void signedMessageVerifies() throws CryptoException {
        falcon.signedMessageVerifies();
        mlDsa.signedMessageVerifies();
    }

    @Test
    public void flippedMessageByteFailsVerification() throws CryptoException {
        falcon.flippedMessageByteFails();
        mlDsa.flippedMessageByteFails();
    }

    @Test
    public void flippedSignatureByteFailsVerification() throws CryptoException {
        falcon.flippedSignatureByteFails();
        mlDsa.flippedSignatureByteFails();
    }

    @Test
    public void signatureFailsUnderAnotherKey() throws CryptoException {
        falcon.anotherKeyFails();
        mlDsa.anotherKeyFails();
    }

    @Test
    public void garbageSignatureVerifiesFalseWithoutThrowing() throws CryptoException {
        falcon.garbageSignatureIsFalse();
        mlDsa.garbageSignatureIsFalse();
    }

    @Test
    public void falcon1024PublicKeyIs1793BytesInsideItsSubjectPublicKeyInfo() {
        // FALCON round-3 specification, table 3.3: public key of FALCON-1024 is 1793 bytes (header byte + 14 * 1024 bits)
        byte[] encoded = falcon.keys().getPublic().getEncoded();
        assertEquals(1793, SubjectPublicKeyInfo.getInstance(encoded).getPublicKeyData().getBytes().length);
        assertTrue("signature of " + falcon.signature().length + " bytes", falcon.signature().length <= 1462);
    }

    @Test
    public void mlDsa87KeyAndSignatureHaveTheFips204Sizes() {
        // FIPS 204 section 4, table 2: ML-DSA-87 public key 2592 bytes, signature 4627 bytes
        byte[] encoded = mlDsa.keys().getPublic().getEncoded();
        assertEquals(2592, SubjectPublicKeyInfo.getInstance(encoded).getPublicKeyData().getBytes().length);
        assertEquals(4627, mlDsa.signature().length);
    }

    @Test
    public void keyOfAnotherAlgorithmOrParameterSetIsRefused() throws Exception {
        byte[] data = SignatureBehaviour.MESSAGE;
        KeyPair mlDsa44 = KeyPairGenerator.getInstance("ML-DSA-44", new BouncyCastleProvider()).generateKeyPair();
        KeyPair mlKem = SUITE.generateKeyPair(Algorithms.ML_KEM_1024);

        CryptoException e = assertThrows(CryptoException.class,
                () -> SUITE.sign(Algorithms.FALCON_1024, mlDsa.keys().getPrivate(), data));
        assertTrue(e.getMessage(), e.getMessage().contains("does not fit " + Algorithms.FALCON_1024));
        assertThrows(CryptoException.class,
                () -> SUITE.verify(Algorithms.FALCON_1024, mlDsa.keys().getPublic(), data, falcon.signature()));
        assertThrows(CryptoException.class,
                () -> SUITE.sign(Algorithms.ML_DSA_87, falcon.keys().getPrivate(), data));
        assertThrows(CryptoException.class,
                () -> SUITE.verify(Algorithms.ML_DSA_87, falcon.keys().getPublic(), data, mlDsa.signature()));
        assertThrows(CryptoException.class, () -> SUITE.sign(Algorithms.ML_DSA_87, mlDsa44.getPrivate(), data));
        assertThrows(CryptoException.class,
                () -> SUITE.verify(Algorithms.ML_DSA_87, mlDsa44.getPublic(), data, mlDsa.signature()));
        assertThrows(CryptoException.class, () -> SUITE.sign(Algorithms.ML_DSA_87, mlKem.getPrivate(), data));
    }
}
