package network.internet2.trustchain.crypto.classical.internal;

import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;

import org.junit.BeforeClass;
import org.junit.Test;

import network.internet2.trustchain.crypto.Algorithms;
import network.internet2.trustchain.crypto.CryptoException;
import network.internet2.trustchain.crypto.support.SignatureBehaviour;

/** ECDSA P-256, ECDSA P-384 and Ed25519 signatures of the classical suite. */
public class ClassicalSignatureTest {

    private static final ClassicalCryptoSuite SUITE = new ClassicalCryptoSuite();
    private static final List<SignatureBehaviour> ALGORITHMS = new ArrayList<>();

    @BeforeClass
    public static void generateKeys() throws CryptoException {
        for (String algorithm : List.of(Algorithms.ECDSA_P256, Algorithms.ECDSA_P384, Algorithms.ED25519)) {
            ALGORITHMS.add(new SignatureBehaviour(SUITE, algorithm));
        }
    }

    @Test
    public void signedMessageVerifies() throws CryptoException {
        for (SignatureBehaviour algorithm : ALGORITHMS) {
            algorithm.signedMessageVerifies();
        }
    }

    @Test
    public void flippedMessageByteFailsVerification() throws CryptoException {
        for (SignatureBehaviour algorithm : ALGORITHMS) {
            algorithm.flippedMessageByteFails();
        }
    }

    @Test
    public void flippedSignatureByteFailsVerification() throws CryptoException {
        for (SignatureBehaviour algorithm : ALGORITHMS) {
            algorithm.flippedSignatureByteFails();
        }
    }

    @Test
    public void signatureFailsUnderAnotherKey() throws CryptoException {
        for (SignatureBehaviour algorithm : ALGORITHMS) {
            algorithm.anotherKeyFails();
        }
    }

    @Test
    public void garbageSignatureVerifiesFalseWithoutThrowing() throws CryptoException {
        for (SignatureBehaviour algorithm : ALGORITHMS) {
            algorithm.garbageSignatureIsFalse();
        }
    }

    @Test
    public void keyOfAnotherCurveOrAlgorithmIsRefused() throws CryptoException {
        KeyPair p256 = ALGORITHMS.get(0).keys();
        KeyPair p384 = ALGORITHMS.get(1).keys();
        KeyPair ed25519 = ALGORITHMS.get(2).keys();
        KeyPair x25519 = SUITE.generateKeyPair(Algorithms.X25519);
        byte[] data = SignatureBehaviour.MESSAGE;

        CryptoException e = assertThrows(CryptoException.class,
                () -> SUITE.sign(Algorithms.ECDSA_P256, p384.getPrivate(), data));
        assertTrue(e.getMessage(), e.getMessage().contains("does not fit " + Algorithms.ECDSA_P256));
        assertThrows(CryptoException.class, () -> SUITE.verify(Algorithms.ECDSA_P256, p384.getPublic(), data,
                ALGORITHMS.get(1).signature()));
        assertThrows(CryptoException.class, () -> SUITE.sign(Algorithms.ECDSA_P384, p256.getPrivate(), data));
        assertThrows(CryptoException.class, () -> SUITE.sign(Algorithms.ECDSA_P256, ed25519.getPrivate(), data));
        assertThrows(CryptoException.class, () -> SUITE.verify(Algorithms.ED25519, p256.getPublic(), data,
                ALGORITHMS.get(2).signature()));
        assertThrows(CryptoException.class, () -> SUITE.sign(Algorithms.ED25519, x25519.getPrivate(), data));
        assertThrows(CryptoException.class, () -> SUITE.verify(Algorithms.ED25519, x25519.getPublic(), data,
                ALGORITHMS.get(2).signature()));
    }

    @Test
    public void keysOfTheJdkProviderSignAndVerify() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC", "SunEC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair p256 = ec.generateKeyPair();
        KeyPair ed25519 = KeyPairGenerator.getInstance("Ed25519", "SunEC").generateKeyPair();
        byte[] data = SignatureBehaviour.MESSAGE;

        assertTrue(SUITE.verify(Algorithms.ECDSA_P256, p256.getPublic(), data,
                SUITE.sign(Algorithms.ECDSA_P256, p256.getPrivate(), data)));
        assertTrue(SUITE.verify(Algorithms.ED25519, ed25519.getPublic(), data,
                SUITE.sign(Algorithms.ED25519, ed25519.getPrivate(), data)));
    }
}
