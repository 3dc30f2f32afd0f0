package network.internet2.trustchain.crypto.classical.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.Test;

import network.internet2.trustchain.crypto.Algorithms;

/** Ed25519 against RFC 8032 section 7.1, TEST 1 (empty message). */
public class Ed25519KnownAnswerTest {

    // RFC 8032 section 7.1, TEST 1
    private static final byte[] SECRET_KEY = Hex.decode(
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    private static final byte[] PUBLIC_KEY = Hex.decode(
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    private static final byte[] MESSAGE = new byte[0];
    private static final byte[] SIGNATURE = Hex.decode(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

    /** SubjectPublicKeyInfo and PKCS#8 prefixes for id-Ed25519 (RFC 8410 sections 4 and 7). */
    private static final byte[] SPKI_PREFIX = Hex.decode("302a300506032b6570032100");
    private static final byte[] PKCS8_PREFIX = Hex.decode("302e020100300506032b657004220420");

    private final ClassicalCryptoSuite suite = new ClassicalCryptoSuite();

    @Test
    public void publishedSignatureVerifiesWithPublishedPublicKey() throws Exception {
        PublicKey key = suite.decodePublicKey(Algorithms.ED25519, Hex.concat(SPKI_PREFIX, PUBLIC_KEY));
        assertTrue(suite.verify(Algorithms.ED25519, key, MESSAGE, SIGNATURE));
    }

    @Test
    public void signingWithPublishedSecretKeyReproducesPublishedSignature() throws Exception {
        PrivateKey key = KeyFactory.getInstance("Ed25519", new BouncyCastleProvider())
                .generatePrivate(new PKCS8EncodedKeySpec(Hex.concat(PKCS8_PREFIX, SECRET_KEY)));
        assertArrayEquals(SIGNATURE, suite.sign(Algorithms.ED25519, key, MESSAGE));
    }

    @Test
    public void publishedSecretKeyDerivesPublishedPublicKey() {
        assertArrayEquals(PUBLIC_KEY, new Ed25519PrivateKeyParameters(SECRET_KEY).generatePublicKey().getEncoded());
    }

    @Test
    public void publishedSignatureFailsForAnotherMessage() throws Exception {
        PublicKey key = suite.decodePublicKey(Algorithms.ED25519, Hex.concat(SPKI_PREFIX, PUBLIC_KEY));
        assertFalse(suite.verify(Algorithms.ED25519, key, new byte[] {0x72}, SIGNATURE));
    }
}
