package network.internet2.itests.ct;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import network.internet2.itests.Internet2TestSupport;
import network.internet2.trustchain.ca.CertificateAuthority;
import network.internet2.trustchain.ca.CertificateRequest;
import network.internet2.trustchain.ca.IssuedCertificate;
import network.internet2.trustchain.ct.InclusionProof;
import network.internet2.trustchain.ct.SignedTreeHead;
import network.internet2.trustchain.ct.TransparencyLog;

/**
 * The CA issues through the CT log in the running distribution; everything is
 * checked with {@link Rfc9162Verifier}, written from the RFCs apart from the
 * log's code: each certificate's embedded SCT verifies with the log's published
 * key over the precertificate entry, that entry is included in a signed tree
 * head, and two tree heads are consistent.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CtIT extends Internet2TestSupport {

    @Inject
    protected CertificateAuthority ca;

    @Inject
    protected TransparencyLog log;

    private PublicKey logKey;

    @Before
    public void waitForTheCaAndTheLog() throws Exception {
        waitUntil("the CA is open", Duration.ofSeconds(90), () -> ca.trustedRoots().size() > 0);
        logKey = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(log.identity().publicKey()));
    }

    @Test
    public void issuedCertificatesAreProvablyLoggedAndTreeHeadsStayConsistent() throws Exception {
        SignedTreeHead before = log.latestTreeHead();
        List<byte[]> leafHashes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            IssuedCertificate issued = ca.issue(new CertificateRequest(
                    LoggedCertificates.request("ct" + i + ".internet2.network"), null));
            X509Certificate certificate = issued.certificate();
            Rfc9162Verifier.Sct sct = LoggedCertificates.embeddedSct(certificate);
            assertArrayEquals(log.identity().logId(), sct.logId());
            byte[] issuerKeyHash = LoggedCertificates.issuerKeyHash(issued.chain().get(0));
            byte[] tbs = LoggedCertificates.loggedTbs(certificate);
            assertTrue("SCT signature of certificate " + i, Rfc9162Verifier.verifyDigitallySigned(
                    sct.digitallySigned(), logKey,
                    Rfc9162Verifier.sctSignatureInputPrecert(sct.timestamp(), issuerKeyHash, tbs, sct.extensions())));
            assertFalse("a changed timestamp does not verify", Rfc9162Verifier.verifyDigitallySigned(
                    sct.digitallySigned(), logKey, Rfc9162Verifier.sctSignatureInputPrecert(sct.timestamp() + 1,
                            issuerKeyHash, tbs, sct.extensions())));
            leafHashes.add(Rfc9162Verifier.leafHash(
                    LoggedCertificates.precertLeafInput(sct.timestamp(), issuerKeyHash, tbs)));
        }
        // every one of the five leaves, not just five more entries: other entries (the node certificate's, at
        // start) may be logged meanwhile
        waitUntil("a tree head covers the new entries", Duration.ofSeconds(30), () -> {
            long size = log.latestTreeHead().treeSize();
            for (byte[] leafHash : leafHashes) {
                log.inclusionProof(leafHash, size);
            }
            return size >= before.treeSize() + 5;
        });
        SignedTreeHead after = log.latestTreeHead();
        assertTrue("tree head signature", Rfc9162Verifier.verifyDigitallySigned(after.signature(), logKey,
                Rfc9162Verifier.treeHeadSignatureInput(after.timestamp(), after.treeSize(), after.rootHash())));
        for (byte[] leafHash : leafHashes) {
            InclusionProof proof = log.inclusionProof(leafHash, after.treeSize());
            assertTrue("inclusion of leaf " + proof.leafIndex(), Rfc9162Verifier.verifyInclusion(leafHash,
                    proof.leafIndex(), after.treeSize(), proof.auditPath(), after.rootHash()));
            byte[] other = leafHash.clone();
            other[0] ^= 1;
            assertFalse(Rfc9162Verifier.verifyInclusion(other, proof.leafIndex(), after.treeSize(),
                    proof.auditPath(), after.rootHash()));
        }
        if (before.treeSize() > 0) {
            assertTrue("consistency " + before.treeSize() + " -> " + after.treeSize(),
                    Rfc9162Verifier.verifyConsistency(before.treeSize(), after.treeSize(), before.rootHash(),
                            after.rootHash(), log.consistencyProof(before.treeSize(), after.treeSize())));
        }
    }

    @Test
    public void theHttpApiServesTheSameTreeHeadAndProofs() throws Exception {
        ca.issue(new CertificateRequest(LoggedCertificates.request("ct-http.internet2.network"), null));
        waitUntil("a tree head of at least two entries", Duration.ofSeconds(30),
                () -> log.latestTreeHead().treeSize() >= 2);
        JsonNode sth = new ObjectMapper().readTree(httpGet("/ct/v1/get-sth").body());
        long size = sth.path("tree_size").asLong();
        byte[] root = java.util.Base64.getDecoder().decode(sth.path("sha256_root_hash").asText());
        assertTrue(Rfc9162Verifier.verifyDigitallySigned(
                java.util.Base64.getDecoder().decode(sth.path("tree_head_signature").asText()), logKey,
                Rfc9162Verifier.treeHeadSignatureInput(sth.path("timestamp").asLong(), size, root)));
        JsonNode proof = new ObjectMapper().readTree(httpGet("/ct/v1/get-entry-and-proof?leaf_index=0&tree_size="
                + size).body());
        byte[] leafHash = Rfc9162Verifier.leafHash(
                java.util.Base64.getDecoder().decode(proof.path("leaf_input").asText()));
        List<byte[]> path = new ArrayList<>();
        proof.path("audit_path").forEach(node -> path.add(java.util.Base64.getDecoder().decode(node.asText())));
        assertTrue(Rfc9162Verifier.verifyInclusion(leafHash, 0, size, path, root));
        assertEquals(400, httpGet("/ct/v1/get-sth-consistency?first=5&second=2").statusCode());
        assertEquals(400, httpGet("/ct/v1/get-entries?start=" + (size + 10) + "&end=" + (size + 12)).statusCode());
        JsonNode list = new ObjectMapper().readTree(httpGet("/ct/log-list.json").body());
        assertEquals(java.util.Base64.getEncoder().encodeToString(log.identity().logId()),
                list.path("operators").path(0).path("logs").path(0).path("log_id").asText());
    }
}
