package network.internet2.trustchain.crypto.pq.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.util.Arrays;

import javax.crypto.KeyGenerator;

import org.bouncycastle.jcajce.SecretKeyWithEncapsulation;
import org.bouncycastle.jcajce.spec.KEMExtractSpec;
import org.bouncycastle.jcajce.spec.KEMGenerateSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.BeforeClass;
import org.junit.Test;

import network.internet2.trustchain.crypto.Algorithms;
import network.internet2.trustchain.crypto.CryptoException;
import network.internet2.trustchain.crypto.Encapsulation;

/**
 * ML-KEM-1024 (FIPS 203) encapsulation of the post-quantum suite: round trips,
 * implicit rejection, and agreement with BouncyCastle's JCA KEM. No published
 * vectors are used (FIPS 203 vectors fix the encapsulation randomness, which
 * the SPI does not take).
 */
public class MlKem1024Test {

    private static final PostQuantumCryptoSuite SUITE = new PostQuantumCryptoSuite();
    private static KeyPair recipient;
    private static KeyPair other;

    @BeforeClass
    public static void generateKeys() throws CryptoException {
        recipient = SUITE.generateKeyPair(Algorithms.ML_KEM_1024);
        other = SUITE.generateKeyPair(Algorithms.ML_KEM_1024);
    }

    @Test
    public void encapsulationIs1568BytesCarryingA32ByteSecret() throws CryptoException {
        // FIPS 203 section 8, table 3: ML-KEM-1024 ciphertext 1568 bytes, shared secret 32 bytes
        Encapsulation sent = SUITE.encapsulate(Algorithms.ML_KEM_1024, recipient.getPublic());
        assertEquals(1568, sent.encapsulation().length);
        assertEquals(32, sent.secret().length);
    }

    @Test
    public void recipientRecoversTheSendersSecret() throws CryptoException {
        Encapsulation sent = SUITE.encapsulate(Algorithms.ML_KEM_1024, recipient.getPublic());
        assertArrayEquals(sent.secret(),
                SUITE.decapsulate(Algorithms.ML_KEM_1024, recipient.getPrivate(), sent.encapsulation()));
    }

    @Test
    public void anotherKeyRecoversAnotherSecret() throws CryptoException {
        Encapsulation sent = SUITE.encapsulate(Algorithms.ML_KEM_1024, recipient.getPublic());
        byte[] recovered = SUITE.decapsulate(Algorithms.ML_KEM_1024, other.getPrivate(), sent.encapsulation());
        assertEquals(32, recovered.length);
        assertFalse(Arrays.equals(sent.secret(), recovered));
    }

    @Test
    public void tamperedEncapsulationRecoversAnotherSecret() throws CryptoException {
        Encapsulation sent = SUITE.encapsulate(Algorithms.ML_KEM_1024, recipient.getPublic());
        byte[] tampered = sent.encapsulation();
        tampered[700] ^= 0x01;
        assertFalse(Arrays.equals(sent.secret(),
                SUITE.decapsulate(Algorithms.ML_KEM_1024, recipient.getPrivate(), tampered)));
    }

    @Test
    public void encapsulationOfTheWrongLengthIsRefused() {
        for (int length : new int[] {0, 32, 1088, 1567, 1569}) {
            CryptoException e = assertThrows(CryptoException.class,
                    () -> SUITE.decapsulate(Algorithms.ML_KEM_1024, recipient.getPrivate(), new byte[length]));
            assertTrue(e.getMessage(), e.getMessage().contains("1568 bytes"));
        }
        assertThrows(CryptoException.class,
                () -> SUITE.decapsulate(Algorithms.ML_KEM_1024, recipient.getPrivate(), null));
    }

    @Test
    public void agreesWithBouncyCastleJcaKemWithoutKdf() throws Exception {
        Provider bc = new BouncyCastleProvider();

        KeyGenerator sender = KeyGenerator.getInstance("ML-KEM", bc);
        sender.init(new KEMGenerateSpec.Builder(recipient.getPublic(), "AES", 256).withNoKdf().build());
        SecretKeyWithEncapsulation jcaSent = (SecretKeyWithEncapsulation) sender.generateKey();
        assertArrayEquals(jcaSent.getEncoded(),
                SUITE.decapsulate(Algorithms.ML_KEM_1024, recipient.getPrivate(), jcaSent.getEncapsulation()));

        Encapsulation sent = SUITE.encapsulate(Algorithms.ML_KEM_1024, recipient.getPublic());
        KeyGenerator receiver = KeyGenerator.getInstance("ML-KEM", bc);
        receiver.init(new KEMExtractSpec.Builder(recipient.getPrivate(), sent.encapsulation(), "AES", 256)
                .withNoKdf().build());
        assertArrayEquals(sent.secret(), receiver.generateKey().getEncoded());
    }

    @Test
    public void keysOfAnotherAlgorithmOrParameterSetAreRefused() throws Exception {
        KeyPair mlKem768 = KeyPairGenerator.getInstance("ML-KEM-768", new BouncyCastleProvider()).generateKeyPair();
        KeyPair mlDsa = SUITE.generateKeyPair(Algorithms.ML_DSA_87);
        byte[] encapsulation = SUITE.encapsulate(Algorithms.ML_KEM_1024, recipient.getPublic()).encapsulation();

        CryptoException e = assertThrows(CryptoException.class,
                () -> SUITE.encapsulate(Algorithms.ML_KEM_1024, mlKem768.getPublic()));
        assertTrue(e.getMessage(), e.getMessage().contains("does not fit " + Algorithms.ML_KEM_1024));
        assertThrows(CryptoException.class, () -> SUITE.encapsulate(Algorithms.ML_KEM_1024, mlDsa.getPublic()));
        assertThrows(CryptoException.class,
                () -> SUITE.decapsulate(Algorithms.ML_KEM_1024, mlKem768.getPrivate(), encapsulation));
        assertThrows(CryptoException.class,
                () -> SUITE.decapsulate(Algorithms.ML_KEM_1024, mlDsa.getPrivate(), encapsulation));
    }
}
