package network.internet2.trustchain.crypto.classical.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.Test;

import network.internet2.trustchain.crypto.Algorithms;
import network.internet2.trustchain.crypto.CryptoException;
import network.internet2.trustchain.crypto.CryptoSuite;
import network.internet2.trustchain.crypto.UnsupportedAlgorithmException;
import network.internet2.trustchain.crypto.support.SignatureBehaviour;

/** The classical suite's identity, its refusals, and public-key decoding. */
public class ClassicalCryptoSuiteTest {

    private static final List<String> ALL = List.of(
            Algorithms.ECDSA_P256, Algorithms.ECDSA_P384, Algorithms.ED25519, Algorithms.X25519);

    private final ClassicalCryptoSuite suite = new ClassicalCryptoSuite();

    @Test
    public void identifiesAsTheClassicalSuiteWithItsAlgorithms() {
        assertEquals(CryptoSuite.CLASSICAL, suite.id());
        assertEquals(Set.of(Algorithms.ECDSA_P256, Algorithms.ECDSA_P384, Algorithms.ED25519),
                suite.signatureAlgorithms());
        assertEquals(Set.of(Algorithms.X25519), suite.kemAlgorithms());
    }

    @Test
    public void algorithmsItDoesNotOfferAreUnsupported() throws CryptoException {
        KeyPair ed25519 = suite.generateKeyPair(Algorithms.ED25519);
        KeyPair x25519 = suite.generateKeyPair(Algorithms.X25519);
        byte[] data = {1, 2, 3};
        for (String foreign : new String[] {Algorithms.FALCON_1024, Algorithms.ML_DSA_87, Algorithms.ML_KEM_1024,
                "ecdsa-p256-sha256", null}) {
            assertUnsupported(foreign, () -> suite.generateKeyPair(foreign));
            assertUnsupported(foreign, () -> suite.sign(foreign, ed25519.getPrivate(), data));
            assertUnsupported(foreign, () -> suite.verify(foreign, ed25519.getPublic(), data, new byte[64]));
            assertUnsupported(foreign, () -> suite.encapsulate(foreign, x25519.getPublic()));
            assertUnsupported(foreign, () -> suite.decapsulate(foreign, x25519.getPrivate(), new byte[32]));
            assertUnsupported(foreign, () -> suite.decodePublicKey(foreign, x25519.getPublic().getEncoded()));
        }
        // offered, but not for that use
        assertUnsupported(Algorithms.X25519, () -> suite.sign(Algorithms.X25519, x25519.getPrivate(), data));
        assertUnsupported(Algorithms.X25519,
                () -> suite.verify(Algorithms.X25519, x25519.getPublic(), data, new byte[64]));
        assertUnsupported(Algorithms.ED25519, () -> suite.encapsulate(Algorithms.ED25519, ed25519.getPublic()));
        assertUnsupported(Algorithms.ED25519,
                () -> suite.decapsulate(Algorithms.ED25519, ed25519.getPrivate(), new byte[32]));
    }

    @Test
    public void decodedPublicKeyIsTheEncodedOne() throws CryptoException {
        for (String algorithm : ALL) {
            PublicKey original = suite.generateKeyPair(algorithm).getPublic();
            PublicKey decoded = suite.decodePublicKey(algorithm, original.getEncoded());
            assertArrayEquals(algorithm, original.getEncoded(), decoded.getEncoded());
        }
    }

    @Test
    public void decodedPublicKeyVerifiesTheKeyPairsSignature() throws CryptoException {
        KeyPair keys = suite.generateKeyPair(Algorithms.ECDSA_P384);
        byte[] signature = suite.sign(Algorithms.ECDSA_P384, keys.getPrivate(), SignatureBehaviour.MESSAGE);
        PublicKey decoded = suite.decodePublicKey(Algorithms.ECDSA_P384, keys.getPublic().getEncoded());
        assertTrue(suite.verify(Algorithms.ECDSA_P384, decoded, SignatureBehaviour.MESSAGE, signature));
    }

    @Test
    public void decodingGarbageSaysWhatToPass() {
        byte[] random = new byte[91];
        new Random(7).nextBytes(random);
        for (String algorithm : ALL) {
            for (byte[] garbage : new byte[][] {random, {0x30, 0x03, 0x02, 0x01, 0x00}, new byte[0], null}) {
                CryptoException e = assertThrows(CryptoException.class,
                        () -> suite.decodePublicKey(algorithm, garbage));
                assertTrue(e.getMessage(), e.getMessage().contains("SubjectPublicKeyInfo"));
            }
        }
    }

    @Test
    public void decodingAKeyOfAnotherAlgorithmIsRefused() throws CryptoException {
        byte[] p384 = suite.generateKeyPair(Algorithms.ECDSA_P384).getPublic().getEncoded();
        byte[] ed25519 = suite.generateKeyPair(Algorithms.ED25519).getPublic().getEncoded();
        byte[] x25519 = suite.generateKeyPair(Algorithms.X25519).getPublic().getEncoded();

        CryptoException e = assertThrows(CryptoException.class,
                () -> suite.decodePublicKey(Algorithms.ECDSA_P256, p384));
        assertTrue(e.getMessage(), e.getMessage().contains("does not fit " + Algorithms.ECDSA_P256));
        assertThrows(CryptoException.class, () -> suite.decodePublicKey(Algorithms.ECDSA_P256, ed25519));
        assertThrows(CryptoException.class, () -> suite.decodePublicKey(Algorithms.X25519, ed25519));
        assertThrows(CryptoException.class, () -> suite.decodePublicKey(Algorithms.ED25519, x25519));
    }

    private static void assertUnsupported(String algorithm, org.junit.function.ThrowingRunnable call) {
        UnsupportedAlgorithmException e = assertThrows(UnsupportedAlgorithmException.class, call);
        assertEquals(algorithm, e.algorithm());
        assertTrue(e.getMessage(), e.getMessage().contains(CryptoSuite.CLASSICAL));
    }
}
