package network.internet2.trustchain.ct.internal;

import static org.junit.Assert.assertEquals;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.trustchain.crypto.pq.internal.PostQuantumCryptoSuite;
import network.internet2.trustchain.ct.EmbeddedSctVerdict;
import network.internet2.trustchain.ct.SignedCertificateTimestamp;

/** A certificate issued through the precertificate flow: its embedded SCT verifies; anything else does not. */
public class EmbeddedSctTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private TestChains chains;
    private CtLog log;

    @Before
    public void open() throws Exception {
        chains = new TestChains("SCT Test");
        Path directory = folder.getRoot().toPath();
        log = new CtLog(TreeStorage.open(directory.resolve("tree")),
                LogKeys.loadOrCreate(directory.resolve("log-keys"), new PostQuantumCryptoSuite()),
                () -> List.of(chains.root), Clock.systemUTC(), "http://[::1]:8181/", Duration.ofHours(24));
    }

    @After
    public void close() {
        log.close();
    }

    @Test
    public void theIssuedCertificatesSctVerifiesAndForgeriesDoNot() throws Exception {
        KeyPair keys = TestChains.keys();
        BigInteger serial = BigInteger.valueOf(777);
        Instant notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509Certificate precertificate = chains.leaf("p.internet2.network", keys, serial, notBefore, null);
        SignedCertificateTimestamp sct = log.addPreChain(List.of(precertificate, chains.intermediate, chains.root));
        X509Certificate issued = chains.leaf("p.internet2.network", keys, serial, notBefore, list(sct.encoded()));
        assertEquals(EmbeddedSctVerdict.VALID, log.verifyEmbeddedScts(List.of(issued, chains.intermediate)));

        X509Certificate otherName = chains.leaf("q.internet2.network", keys, serial, notBefore, list(sct.encoded()));
        assertEquals("an SCT copied onto another certificate", EmbeddedSctVerdict.INVALID,
                log.verifyEmbeddedScts(List.of(otherName, chains.intermediate)));
        byte[] forged = sct.encoded();
        forged[forged.length - 5] ^= 1;
        assertEquals("a changed signature", EmbeddedSctVerdict.INVALID, log.verifyEmbeddedScts(
                List.of(chains.leaf("p.internet2.network", keys, serial, notBefore, list(forged)), chains.intermediate)));
        byte[] foreign = sct.encoded();
        foreign[3] ^= 1; // another log ID
        assertEquals("only another log's SCT", EmbeddedSctVerdict.MISSING, log.verifyEmbeddedScts(
                List.of(chains.leaf("p.internet2.network", keys, serial, notBefore, list(foreign)), chains.intermediate)));
        assertEquals("no SCT list", EmbeddedSctVerdict.MISSING,
                log.verifyEmbeddedScts(chains.leafChain("r.internet2.network")));
        assertEquals("garbage list", EmbeddedSctVerdict.INVALID, log.verifyEmbeddedScts(List.of(
                chains.leaf("p.internet2.network", keys, serial, notBefore, new byte[] {0, 9, 1}),
                chains.intermediate)));
    }

    private static byte[] list(byte[] sct) {
        return new Tls.Writer().opaque16(new Tls.Writer().opaque16(sct).toByteArray()).toByteArray();
    }
}
