package network.internet2.trustchain.crypto.pq.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.function.ThrowingRunnable;

import network.internet2.trustchain.crypto.Algorithms;
import network.internet2.trustchain.crypto.CryptoException;
import network.internet2.trustchain.crypto.CryptoSuite;
import network.internet2.trustchain.crypto.UnsupportedAlgorithmException;

/** The post-quantum suite's identity, its refusals, and public-key decoding. */
public class PostQuantumCryptoSuiteTest {

    private static final List<String> ALL = List.of(
            Algorithms.FALCON_1024, Algorithms.ML_DSA_87, Algorithms.ML_KEM_1024);

    private static final PostQuantumCryptoSuite SUITE = new PostQuantumCryptoSuite();
    private static KeyPair falcon;
    private static KeyPair mlDsa;
    private static KeyPair mlKem;

    @BeforeClass
    public static void generateKeys() throws CryptoException {
        falcon = SUITE.generateKeyPair(Algorithms.FALCON_1024);
        mlDsa = SUITE.generateKeyPair(Algorithms.ML_DSA_87);
        mlKem = SUITE.generateKeyPair(Algorithms.ML_KEM_1024);
    }

    @Test
    public void identifiesAsThePostQuantumSuiteWithItsAlgorithms() {
        assertEquals(CryptoSuite.POST_QUANTUM, SUITE.id());
        assertEquals(Set.of(Algorithms.FALCON_1024, Algorithms.ML_DSA_87), SUITE.signatureAlgorithms());
        assertEquals(Set.of(Algorithms.ML_KEM_1024), SUITE.kemAlgorithms());
    }

    @Test
    public void algorithmsItDoesNotOfferAreUnsupported() {
        byte[] data = {1, 2, 3};
        for (String foreign : new String[] {Algorithms.ECDSA_P256, Algorithms.ED25519, Algorithms.X25519,
                "Falcon-1024", null}) {
            assertUnsupported(foreign, () -> SUITE.generateKeyPair(foreign));
            assertUnsupported(foreign, () -> SUITE.sign(foreign, mlDsa.getPrivate(), data));
            assertUnsupported(foreign, () -> SUITE.verify(foreign, mlDsa.getPublic(), data, new byte[64]));
            assertUnsupported(foreign, () -> SUITE.encapsulate(foreign, mlKem.getPublic()));
            assertUnsupported(foreign, () -> SUITE.decapsulate(foreign, mlKem.getPrivate(), new byte[1568]));
            assertUnsupported(foreign, () -> SUITE.decodePublicKey(foreign, mlKem.getPublic().getEncoded()));
        }
        // offered, but not for that use
        assertUnsupported(Algorithms.ML_KEM_1024, () -> SUITE.sign(Algorithms.ML_KEM_1024, mlKem.getPrivate(), data));
        assertUnsupported(Algorithms.ML_KEM_1024,
                () -> SUITE.verify(Algorithms.ML_KEM_1024, mlKem.getPublic(), data, new byte[64]));
        assertUnsupported(Algorithms.FALCON_1024, () -> SUITE.encapsulate(Algorithms.FALCON_1024, falcon.getPublic()));
        assertUnsupported(Algorithms.ML_DSA_87,
                () -> SUITE.decapsulate(Algorithms.ML_DSA_87, mlDsa.getPrivate(), new byte[1568]));
    }

    @Test
    public void decodedPublicKeyIsTheEncodedOne() throws CryptoException {
        for (KeyPair keys : List.of(falcon, mlDsa, mlKem)) {
            String algorithm = ALL.get(List.of(falcon, mlDsa, mlKem).indexOf(keys));
            PublicKey decoded = SUITE.decodePublicKey(algorithm, keys.getPublic().getEncoded());
            assertArrayEquals(algorithm, keys.getPublic().getEncoded(), decoded.getEncoded());
        }
    }

    @Test
    public void decodedPublicKeysWork() throws CryptoException {
        byte[] data = {4, 5, 6};
        PublicKey falconPublic = SUITE.decodePublicKey(Algorithms.FALCON_1024, falcon.getPublic().getEncoded());
        assertTrue(SUITE.verify(Algorithms.FALCON_1024, falconPublic, data,
                SUITE.sign(Algorithms.FALCON_1024, falcon.getPrivate(), data)));
        PublicKey mlKemPublic = SUITE.decodePublicKey(Algorithms.ML_KEM_1024, mlKem.getPublic().getEncoded());
        var sent = SUITE.encapsulate(Algorithms.ML_KEM_1024, mlKemPublic);
        assertArrayEquals(sent.secret(),
                SUITE.decapsulate(Algorithms.ML_KEM_1024, mlKem.getPrivate(), sent.encapsulation()));
    }

    @Test
    public void decodingGarbageSaysWhatToPass() {
        byte[] random = new byte[1811];
        new Random(7).nextBytes(random);
        for (String algorithm : ALL) {
            for (byte[] garbage : new byte[][] {random, {0x30, 0x03, 0x02, 0x01, 0x00}, new byte[0], null}) {
                CryptoException e = assertThrows(CryptoException.class,
                        () -> SUITE.decodePublicKey(algorithm, garbage));
                assertTrue(e.getMessage(), e.getMessage().contains("SubjectPublicKeyInfo"));
            }
        }
    }

    @Test
    public void decodingAKeyOfAnotherAlgorithmIsRefused() {
        CryptoException e = assertThrows(CryptoException.class,
                () -> SUITE.decodePublicKey(Algorithms.FALCON_1024, mlDsa.getPublic().getEncoded()));
        assertTrue(e.getMessage(), e.getMessage().contains("does not fit " + Algorithms.FALCON_1024));
        assertThrows(CryptoException.class,
                () -> SUITE.decodePublicKey(Algorithms.ML_DSA_87, falcon.getPublic().getEncoded()));
        assertThrows(CryptoException.class,
                () -> SUITE.decodePublicKey(Algorithms.ML_KEM_1024, mlDsa.getPublic().getEncoded()));
        assertThrows(CryptoException.class,
                () -> SUITE.decodePublicKey(Algorithms.ML_DSA_87, mlKem.getPublic().getEncoded()));
    }

    @Test
    public void truncatedKeyOfTheRightAlgorithmIsRefused() {
        byte[] encoded = mlKem.getPublic().getEncoded();
        byte[] truncated = java.util.Arrays.copyOf(encoded, encoded.length - 100);
        assertThrows(CryptoException.class, () -> SUITE.decodePublicKey(Algorithms.ML_KEM_1024, truncated));
    }

    private static void assertUnsupported(String algorithm, ThrowingRunnable call) {
        UnsupportedAlgorithmException e = assertThrows(UnsupportedAlgorithmException.class, call);
        assertEquals(algorithm, e.algorithm());
        assertTrue(e.getMessage(), e.getMessage().contains(CryptoSuite.POST_QUANTUM));
    }
}
