package network.internet2.trustchain.crypto.support;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Random;

import network.internet2.trustchain.crypto.CryptoException;
import network.internet2.trustchain.crypto.CryptoSuite;

/**
 * What every signature algorithm of a suite must do, checked with two key pairs
 * of it. Shared by the suites' tests through this module's test jar.
 */
public final class SignatureBehaviour {

    public static final byte[] MESSAGE = "issue certificate for node 2001:db8::1".getBytes(StandardCharsets.UTF_8);

    private final CryptoSuite suite;
    private final String algorithm;
    private final KeyPair keys;
    private final KeyPair otherKeys;
    private final byte[] signature;

    public SignatureBehaviour(CryptoSuite suite, String algorithm) throws CryptoException {
        this.suite = suite;
        this.algorithm = algorithm;
        this.keys = suite.generateKeyPair(algorithm);
        this.otherKeys = suite.generateKeyPair(algorithm);
        this.signature = suite.sign(algorithm, keys.getPrivate(), MESSAGE);
    }

    public KeyPair keys() {
        return keys;
    }

    public byte[] signature() {
        return signature.clone();
    }

    public void signedMessageVerifies() throws CryptoException {
        assertTrue(algorithm, suite.verify(algorithm, keys.getPublic(), MESSAGE, signature));
    }

    public void flippedMessageByteFails() throws CryptoException {
        for (int at : new int[] {0, MESSAGE.length / 2, MESSAGE.length - 1}) {
            byte[] changed = MESSAGE.clone();
            changed[at] ^= 0x01;
            assertFalse(algorithm + " byte " + at, suite.verify(algorithm, keys.getPublic(), changed, signature));
        }
    }

    public void flippedSignatureByteFails() throws CryptoException {
        for (int at : new int[] {0, signature.length / 2, signature.length - 1}) {
            byte[] changed = signature.clone();
            changed[at] ^= 0x01;
            assertFalse(algorithm + " byte " + at, suite.verify(algorithm, keys.getPublic(), MESSAGE, changed));
        }
    }

    public void anotherKeyFails() throws CryptoException {
        assertFalse(algorithm, suite.verify(algorithm, otherKeys.getPublic(), MESSAGE, signature));
    }

    public void garbageSignatureIsFalse() throws CryptoException {
        Random random = new Random(42);
        byte[] sameLength = new byte[signature.length];
        random.nextBytes(sameLength);
        byte[] longer = new byte[signature.length * 2 + 7];
        random.nextBytes(longer);
        byte[][] garbage = {new byte[0], {0}, {0x30, 0x00}, new byte[signature.length], sameLength, longer,
                java.util.Arrays.copyOf(signature, signature.length - 1)};
        for (byte[] bytes : garbage) {
            assertFalse(algorithm + " " + bytes.length + " bytes",
                    suite.verify(algorithm, keys.getPublic(), MESSAGE, bytes));
        }
        assertFalse(algorithm + " null", suite.verify(algorithm, keys.getPublic(), MESSAGE, null));
    }
}
