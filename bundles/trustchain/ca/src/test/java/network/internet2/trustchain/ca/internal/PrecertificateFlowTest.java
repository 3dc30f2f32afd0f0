package network.internet2.trustchain.ca.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1OctetString;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.trustchain.ca.CaException;
import network.internet2.trustchain.ca.CertificateRequest;
import network.internet2.trustchain.ca.IssuedCertificate;
import network.internet2.trustchain.crypto.Algorithms;
import network.internet2.trustchain.crypto.CryptoSuite;

/**
 * RFC 6962 section 3.1 issuance: the CA hands a poisoned precertificate (and its chain) to the log, then issues
 * the same certificate carrying the SCT list the log answered; a log that refuses means nothing is issued.
 */
public class PrecertificateFlowTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final SuiteLookup suites = id -> CryptoSuite.CLASSICAL.equals(id) ? TestSuites.classical()
            : TestSuites.postQuantum();

    @Test
    public void theFinalCertificateIsThePrecertificateWithTheSctListInsteadOfThePoison() throws Exception {
        List<List<X509Certificate>> logged = new ArrayList<>();
        byte[] sctList = LoggingThroughTransparencyLog.sctList(List.of(new byte[] {0, 1, 2, 3}, new byte[] {9}));
        try (HybridCertificateAuthority ca = open(chain -> {
            logged.add(chain);
            return sctList;
        })) {
            IssuedCertificate issued = ca.issue(request("node5.internet2.network"));
            assertEquals(1, logged.size());
            List<X509Certificate> chain = logged.get(0);
            X509Certificate precertificate = chain.get(0);
            X509Certificate certificate = issued.certificate();
            assertTrue("poison is critical", precertificate.getCriticalExtensionOIDs()
                    .contains(HybridCertificateAuthority.CT_POISON.getId()));
            assertNull("the final certificate has no poison",
                    certificate.getExtensionValue(HybridCertificateAuthority.CT_POISON.getId()));
            assertEquals(precertificate.getSerialNumber(), certificate.getSerialNumber());
            assertEquals(precertificate.getSubjectX500Principal(), certificate.getSubjectX500Principal());
            assertEquals(precertificate.getNotAfter(), certificate.getNotAfter());
            assertEquals(precertificate.getPublicKey(), certificate.getPublicKey());
            assertEquals("precertificate issued by the same intermediate, chain up to the root",
                    issued.chain(), chain.subList(1, chain.size()));
            precertificate.verify(chain.get(1).getPublicKey());
            byte[] extension = certificate.getExtensionValue(HybridCertificateAuthority.CT_SCT_LIST.getId());
            byte[] inner = ASN1OctetString.getInstance(ASN1OctetString.getInstance(extension).getOctets()).getOctets();
            assertArrayEquals(sctList, inner);
            assertArrayEquals(new byte[] {0, 9, 0, 4, 0, 1, 2, 3, 0, 1, 9}, sctList);
        }
    }

    @Test
    public void aLogThatRefusesMeansNothingIsIssued() throws Exception {
        try (HybridCertificateAuthority ca = open(chain -> {
            throw new CaException("the CT log refused the precertificate (test); nothing was issued");
        })) {
            int before = ca.list().size();
            try {
                ca.issue(request("node6.internet2.network"));
                fail("issued without a log");
            } catch (CaException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("nothing was issued"));
            }
            assertEquals(before, ca.list().size());
        }
    }

    private HybridCertificateAuthority open(PrecertificateLog log) throws CaException {
        return HybridCertificateAuthority.open(new CaSettings(folder.getRoot().toPath().resolve("ca"),
                folder.getRoot().toPath().resolve("pass"), "internet2.network", Duration.ofHours(24),
                Duration.ofDays(90), Duration.ofDays(3650), true), suites, Clock.systemUTC(), log);
    }

    private CertificateRequest request(String name) throws Exception {
        KeyPair classical = TestSuites.classical().generateKeyPair(Algorithms.ECDSA_P256);
        KeyPair falcon = TestSuites.postQuantum().generateKeyPair(Algorithms.FALCON_1024);
        return new CertificateRequest(NodeCsr.hybrid(List.of(name), classical, falcon, suites), null);
    }
}
