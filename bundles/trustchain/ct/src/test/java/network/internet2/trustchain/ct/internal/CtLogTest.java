package network.internet2.trustchain.ct.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.trustchain.crypto.CryptoSuite;
import network.internet2.trustchain.crypto.pq.internal.PostQuantumCryptoSuite;
import network.internet2.trustchain.ct.InclusionProof;
import network.internet2.trustchain.ct.LogEntry;
import network.internet2.trustchain.ct.LogException;
import network.internet2.trustchain.ct.SignedCertificateTimestamp;
import network.internet2.trustchain.ct.SignedTreeHead;

public class CtLogTest {

    private static final CryptoSuite POST_QUANTUM = new PostQuantumCryptoSuite();

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private TestChains chains;
    private CtLog log;

    @Before
    public void openLog() throws Exception {
        chains = new TestChains("CT Test");
        log = open();
    }

    @After
    public void closeLog() {
        log.close();
    }

    private CtLog open() throws IOException, LogException {
        Path directory = folder.getRoot().toPath();
        return new CtLog(TreeStorage.open(directory.resolve("tree")),
                LogKeys.loadOrCreate(directory.resolve("log-keys"), POST_QUANTUM), () -> List.of(chains.root),
                Clock.systemUTC(), "http://[::1]:8181/ct/v1/", Duration.ofHours(24));
    }

    @Test
    public void anSctVerifiesWithTheLogsPublicKeyAsRfc6962Defines() throws Exception {
        List<X509Certificate> chain = chains.leafChain("a.internet2.network");
        SignedCertificateTimestamp sct = log.addChain(chain);
        // rebuild the signed input from RFC 6962 3.2 by hand, and check with the published key only
        byte[] input = new Tls.Writer().u8(0).u8(0).u64(sct.timestamp()).u16(0).opaque24(chain.get(0).getEncoded())
                .opaque16(sct.extensions()).toByteArray();
        PublicKey key = KeyFactory.getInstance("EC").generatePublic(
                new X509EncodedKeySpec(log.identity().publicKey()));
        Signature ecdsa = Signature.getInstance("SHA256withECDSA");
        ecdsa.initVerify(key);
        ecdsa.update(input);
        assertTrue(ecdsa.verify(CtStructures.ecdsaSignatureOf(sct.signature())));
        assertArrayEquals(MerkleHashes.sha256().digest(log.identity().publicKey()), sct.logId());
        assertTrue("FALCON-1024 co-signature verifies", log.verify(sct,
                CtStructures.SignedEntry.x509(chain.get(0).getEncoded())));
        assertEquals("serialized SCT length", 1 + 32 + 8 + 2 + sct.extensions().length + sct.signature().length,
                sct.encoded().length);
    }

    @Test
    public void aChangedSctFailsVerification() throws Exception {
        List<X509Certificate> chain = chains.leafChain("b.internet2.network");
        SignedCertificateTimestamp sct = log.addChain(chain);
        SignedCertificateTimestamp otherTime = new SignedCertificateTimestamp(sct.logId(), sct.timestamp() + 1,
                sct.extensions(), sct.signature(), sct.encoded());
        assertTrue(!log.verify(otherTime, CtStructures.SignedEntry.x509(chain.get(0).getEncoded())));
        byte[] extensions = sct.extensions();
        extensions[10] ^= 1;
        SignedCertificateTimestamp otherFalcon = new SignedCertificateTimestamp(sct.logId(), sct.timestamp(),
                extensions, sct.signature(), sct.encoded());
        assertTrue(!log.verify(otherFalcon, CtStructures.SignedEntry.x509(chain.get(0).getEncoded())));
    }

    @Test
    public void entriesHoldTheLeafAndTheChainAndProofsLeadToTheSignedRoot() throws Exception {
        List<X509Certificate> chain = chains.leafChain("c.internet2.network");
        SignedCertificateTimestamp sct = log.addChain(chain);
        log.addPreChain(chains.precertChain("d.internet2.network"));
        log.refreshTreeHead(Duration.ZERO);
        SignedTreeHead head = log.latestTreeHead();
        assertEquals(2, head.treeSize());
        LogEntry first = log.entries(0, 0).get(0);
        assertArrayEquals(CtStructures.leafInput(sct.timestamp(),
                CtStructures.SignedEntry.x509(chain.get(0).getEncoded())), first.leafInput());
        Tls.Reader extra = new Tls.Reader(first.extraData());
        Tls.Reader certificates = new Tls.Reader(extra.opaque24());
        assertArrayEquals(chain.get(1).getEncoded(), certificates.opaque24());
        assertArrayEquals(chain.get(2).getEncoded(), certificates.opaque24());
        InclusionProof proof = log.inclusionProof(MerkleHashes.leaf(first.leafInput()), 2);
        assertEquals(0, proof.leafIndex());
        LogEntry second = log.entries(1, 1).get(0);
        assertArrayEquals(head.rootHash(), MerkleHashes.node(MerkleHashes.leaf(first.leafInput()),
                MerkleHashes.leaf(second.leafInput())));
        assertArrayEquals(MerkleHashes.leaf(second.leafInput()), proof.auditPath().get(0));
        byte[] input = CtStructures.treeHeadSignatureInput(head.timestamp(), head.treeSize(), head.rootHash());
        assertTrue(POST_QUANTUM.verify("FALCON-1024", POST_QUANTUM.decodePublicKey("FALCON-1024",
                log.identity().postQuantumKey()), input, head.postQuantumSignature()));
    }

    @Test
    public void aPrecertificateIsLoggedAsIssuerKeyHashAndTbsWithoutThePoison() throws Exception {
        List<X509Certificate> chain = chains.precertChain("e.internet2.network");
        SignedCertificateTimestamp sct = log.addPreChain(chain);
        LogEntry entry = log.entries(0, 0).get(0);
        Tls.Reader leaf = new Tls.Reader(entry.leafInput());
        assertEquals(0, leaf.u8());
        assertEquals(0, leaf.u8());
        assertEquals(sct.timestamp(), leaf.u64());
        assertEquals(CtStructures.PRECERT_ENTRY, leaf.u16());
        assertArrayEquals(MerkleHashes.sha256().digest(chains.intermediate.getPublicKey().getEncoded()),
                leaf.bytes(32));
        byte[] tbs = leaf.opaque24();
        assertTrue("the poison is gone", !new String(tbs, java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains(new String(new byte[] {0x06, 0x0a, 0x2b, 0x06, 0x01, 0x04, 0x01, (byte) 0xd6, 0x79, 0x02,
                    0x04, 0x03}, java.nio.charset.StandardCharsets.ISO_8859_1)));
        assertTrue(tbs.length < chain.get(0).getTBSCertificate().length);
    }

    @Test
    public void badChainsAreRefusedAndChangeNothing() throws Exception {
        TestChains strangers = new TestChains("Stranger");
        expectBadRequest(() -> log.addChain(strangers.leafChain("x.internet2.network")), "accepted root");
        expectBadRequest(() -> log.addChain(List.of()), "empty");
        expectBadRequest(() -> log.addChain(chains.precertChain("p.internet2.network")), "add-pre-chain");
        expectBadRequest(() -> log.addPreChain(chains.leafChain("q.internet2.network")), "poison");
        List<X509Certificate> broken = new ArrayList<>(chains.leafChain("r.internet2.network"));
        broken.set(1, strangers.intermediate);
        expectBadRequest(() -> log.addChain(broken), "not signed by");
        expectBadRequest(() -> log.entries(0, 0), "beyond the tree");
        expectBadRequest(() -> log.consistencyProof(2, 1), "larger than second");
        expectBadRequest(() -> log.inclusionProof(new byte[3], 1), "32 bytes");
        assertEquals(0, log.size());
    }

    @Test
    public void concurrentSubmittersShareSyncsAndEveryAcknowledgedEntryIsThereAfterReopening() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<SignedCertificateTimestamp>> results = new ArrayList<>();
        List<List<X509Certificate>> submitted = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            List<X509Certificate> chain = chains.leafChain("n" + i + ".internet2.network");
            submitted.add(chain);
            results.add(pool.submit(() -> log.addChain(chain)));
        }
        for (Future<SignedCertificateTimestamp> result : results) {
            assertNotNull(result.get());
        }
        pool.shutdown();
        log.close();
        log = open();
        assertEquals(64, log.size());
        List<byte[]> logged = new ArrayList<>();
        for (LogEntry entry : log.entries(0, 63)) {
            logged.add(entry.leafInput());
        }
        for (int i = 0; i < 64; i++) {
            byte[] certificate = submitted.get(i).get(0).getEncoded();
            SignedCertificateTimestamp sct = results.get(i).get();
            byte[] leaf = CtStructures.leafInput(sct.timestamp(), CtStructures.SignedEntry.x509(certificate));
            assertTrue("entry " + i + " present", logged.stream().anyMatch(l -> java.util.Arrays.equals(l, leaf)));
            assertTrue(log.verify(sct, CtStructures.SignedEntry.x509(certificate)));
        }
    }

    @Test
    public void theKeysAreOwnerOnlyAndTheSameAfterReopening() throws Exception {
        byte[] logId = log.identity().logId();
        log.close();
        log = open();
        assertArrayEquals(logId, log.identity().logId());
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder.getRoot().toPath().resolve("log-keys"))));
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static void expectBadRequest(Call call, String reason) throws Exception {
        try {
            call.run();
            fail("accepted; expected: " + reason);
        } catch (LogException.BadRequest expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains(reason));
        }
    }
}
