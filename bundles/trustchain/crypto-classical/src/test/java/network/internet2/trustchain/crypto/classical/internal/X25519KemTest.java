package network.internet2.trustchain.crypto.classical.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;

import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.Test;

import network.internet2.trustchain.crypto.Algorithms;
import network.internet2.trustchain.crypto.CryptoException;
import network.internet2.trustchain.crypto.Encapsulation;

/** X25519 (RFC 7748) and DHKEM(X25519, HKDF-SHA256) (RFC 9180 section 4.1). */
public class X25519KemTest {

    // RFC 7748 section 6.1
    private static final byte[] ALICE_PRIVATE = Hex.decode(
            "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    private static final byte[] ALICE_PUBLIC = Hex.decode(
            "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    private static final byte[] BOB_PRIVATE = Hex.decode(
            "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
    private static final byte[] BOB_PUBLIC = Hex.decode(
            "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    private static final byte[] ALICE_BOB_SHARED = Hex.decode(
            "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");

    // RFC 9180 Appendix A.1.1 (DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, mode_base)
    private static final byte[] SK_EM = Hex.decode(
            "52c4a758a802cd8b936eceea314432798d5baf2d7e9235dc084ab1b9cfa2f736");
    private static final byte[] PK_EM = Hex.decode(
            "37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431");
    private static final byte[] SK_RM = Hex.decode(
            "4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8");
    private static final byte[] PK_RM = Hex.decode(
            "3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d");
    private static final byte[] ENC = Hex.decode(
            "37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431");
    private static final byte[] SHARED_SECRET = Hex.decode(
            "fe0e18c9f024ce43799ae393c7e8fe8fce9d218875e8227b0187c04e7d2ea1fc");

    /** PKCS#8 and SubjectPublicKeyInfo prefixes for id-X25519 (RFC 8410 sections 4 and 7). */
    private static final byte[] PKCS8_PREFIX = Hex.decode("302e020100300506032b656e04220420");
    private static final byte[] SPKI_PREFIX = Hex.decode("302a300506032b656e032100");

    private final ClassicalCryptoSuite suite = new ClassicalCryptoSuite();

    @Test
    public void aliceAndBobAgreeOnTheRfc7748Secret() throws Exception {
        X25519PrivateKeyParameters alice = new X25519PrivateKeyParameters(ALICE_PRIVATE);
        X25519PrivateKeyParameters bob = new X25519PrivateKeyParameters(BOB_PRIVATE);
        assertArrayEquals(ALICE_PUBLIC, alice.generatePublicKey().getEncoded());
        assertArrayEquals(BOB_PUBLIC, bob.generatePublicKey().getEncoded());
        assertArrayEquals(ALICE_BOB_SHARED, X25519Kem.dh(alice, new X25519PublicKeyParameters(BOB_PUBLIC)));
        assertArrayEquals(ALICE_BOB_SHARED, X25519Kem.dh(bob, new X25519PublicKeyParameters(ALICE_PUBLIC)));
    }

    @Test
    public void decapsulatesTheRfc9180AppendixA1EncapsulationToItsSharedSecret() throws Exception {
        PrivateKey skR = jcaPrivateKey(SK_RM);
        assertArrayEquals(SHARED_SECRET, suite.decapsulate(Algorithms.X25519, skR, ENC));
    }

    @Test
    public void encapsulatingWithTheRfc9180AppendixA1EphemeralKeyGivesItsEncAndSecret() throws Exception {
        assertArrayEquals(PK_EM, new X25519PrivateKeyParameters(SK_EM).generatePublicKey().getEncoded());
        assertArrayEquals(PK_RM, new X25519PrivateKeyParameters(SK_RM).generatePublicKey().getEncoded());
        PublicKey pkR = suite.decodePublicKey(Algorithms.X25519, Hex.concat(SPKI_PREFIX, PK_RM));

        Encapsulation encapsulation = suite.x25519().encapsulate(pkR, new X25519PrivateKeyParameters(SK_EM));

        assertArrayEquals(ENC, encapsulation.encapsulation());
        assertArrayEquals(SHARED_SECRET, encapsulation.secret());
    }

    @Test
    public void recipientRecoversTheSenders32ByteSecretFromA32ByteEncapsulation() throws Exception {
        KeyPair recipient = suite.generateKeyPair(Algorithms.X25519);
        Encapsulation sent = suite.encapsulate(Algorithms.X25519, recipient.getPublic());
        assertEquals(32, sent.encapsulation().length);
        assertEquals(32, sent.secret().length);
        assertArrayEquals(sent.secret(), suite.decapsulate(Algorithms.X25519, recipient.getPrivate(),
                sent.encapsulation()));
    }

    @Test
    public void eachEncapsulationCarriesAFreshSecret() throws Exception {
        KeyPair recipient = suite.generateKeyPair(Algorithms.X25519);
        Encapsulation first = suite.encapsulate(Algorithms.X25519, recipient.getPublic());
        Encapsulation second = suite.encapsulate(Algorithms.X25519, recipient.getPublic());
        assertFalse(Arrays.equals(first.secret(), second.secret()));
        assertFalse(Arrays.equals(first.encapsulation(), second.encapsulation()));
    }

    @Test
    public void anotherRecipientKeyRecoversAnotherSecret() throws Exception {
        KeyPair recipient = suite.generateKeyPair(Algorithms.X25519);
        KeyPair other = suite.generateKeyPair(Algorithms.X25519);
        Encapsulation sent = suite.encapsulate(Algorithms.X25519, recipient.getPublic());
        assertFalse(Arrays.equals(sent.secret(),
                suite.decapsulate(Algorithms.X25519, other.getPrivate(), sent.encapsulation())));
    }

    @Test
    public void jdkX25519KeysWork() throws Exception {
        KeyPair recipient = KeyPairGenerator.getInstance("X25519").generateKeyPair(); // SunEC "XDH" keys
        Encapsulation sent = suite.encapsulate(Algorithms.X25519, recipient.getPublic());
        assertArrayEquals(sent.secret(), suite.decapsulate(Algorithms.X25519, recipient.getPrivate(),
                sent.encapsulation()));
    }

    @Test
    public void encapsulationOfTheWrongLengthIsRefused() throws Exception {
        KeyPair recipient = suite.generateKeyPair(Algorithms.X25519);
        for (int length : new int[] {0, 31, 33, 64}) {
            CryptoException e = assertThrows(CryptoException.class,
                    () -> suite.decapsulate(Algorithms.X25519, recipient.getPrivate(), new byte[length]));
            assertTrue(e.getMessage(), e.getMessage().contains("32 bytes"));
        }
        assertThrows(CryptoException.class, () -> suite.decapsulate(Algorithms.X25519, recipient.getPrivate(), null));
    }

    @Test
    public void smallOrderEncapsulationIsRefused() throws Exception {
        KeyPair recipient = suite.generateKeyPair(Algorithms.X25519);
        // u = 0 is a point of small order: the agreement is all zeros (RFC 9180 section 7.1.4)
        CryptoException e = assertThrows(CryptoException.class,
                () -> suite.decapsulate(Algorithms.X25519, recipient.getPrivate(), new byte[32]));
        assertTrue(e.getMessage(), e.getMessage().contains("small-order"));
    }

    @Test
    public void keysOfAnotherAlgorithmAreRefused() throws Exception {
        KeyPair ed25519 = suite.generateKeyPair(Algorithms.ED25519);
        KeyPair x25519 = suite.generateKeyPair(Algorithms.X25519);
        Encapsulation sent = suite.encapsulate(Algorithms.X25519, x25519.getPublic());
        CryptoException e = assertThrows(CryptoException.class,
                () -> suite.encapsulate(Algorithms.X25519, ed25519.getPublic()));
        assertTrue(e.getMessage(), e.getMessage().contains("does not fit X25519"));
        assertThrows(CryptoException.class,
                () -> suite.decapsulate(Algorithms.X25519, ed25519.getPrivate(), sent.encapsulation()));
    }

    private static PrivateKey jcaPrivateKey(byte[] rawScalar) throws Exception {
        return KeyFactory.getInstance("X25519", new BouncyCastleProvider())
                .generatePrivate(new PKCS8EncodedKeySpec(Hex.concat(PKCS8_PREFIX, rawScalar)));
    }
}
