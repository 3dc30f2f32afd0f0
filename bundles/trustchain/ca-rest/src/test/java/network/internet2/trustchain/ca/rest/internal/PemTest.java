package network.internet2.trustchain.ca.rest.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.Test;

import network.internet2.management.rest.support.ApiException;

public class PemTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    public void readsACertificationRequestWithEitherHeader() throws Exception {
        byte[] der = Fixtures.csr("node9.internet2.network");
        assertArrayEquals(der, Pem.certificationRequest(bytes(Pem.encode("CERTIFICATE REQUEST", der))));
        assertArrayEquals(der, Pem.certificationRequest(bytes(Pem.encode("NEW CERTIFICATE REQUEST", der))));
    }

    @Test
    public void ignoresTextAroundTheBlock() throws Exception {
        byte[] der = Fixtures.csr("node9.internet2.network");
        String body = "Certificate request for node9\n" + Pem.encode("CERTIFICATE REQUEST", der) + "\n-- end\n";
        assertArrayEquals(der, Pem.certificationRequest(bytes(body)));
    }

    @Test
    public void refusesABodyWithoutPem() {
        ApiException refusal = assertThrows(ApiException.class,
                () -> Pem.certificationRequest(bytes("this is not a certificate request")));
        assertEquals(400, refusal.status());
        assertTrue(refusal.getMessage(), refusal.getMessage().contains("BEGIN CERTIFICATE REQUEST"));
        assertEquals(400, assertThrows(ApiException.class, () -> Pem.certificationRequest(new byte[0])).status());
    }

    @Test
    public void refusesBrokenBase64() {
        ApiException refusal = assertThrows(ApiException.class, () -> Pem.certificationRequest(bytes(
                "-----BEGIN CERTIFICATE REQUEST-----\n@@@ not base64 !!!\n-----END CERTIFICATE REQUEST-----\n")));
        assertEquals(400, refusal.status());
        assertTrue(refusal.getMessage(), refusal.getMessage().startsWith("malformed PEM"));
    }

    @Test
    public void refusesAnUnterminatedBlock() {
        ApiException refusal = assertThrows(ApiException.class, () -> Pem.certificationRequest(bytes(
                "-----BEGIN CERTIFICATE REQUEST-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A\n")));
        assertEquals(400, refusal.status());
        assertTrue(refusal.getMessage(), refusal.getMessage().contains("--data-binary"));
    }

    @Test
    public void refusesAnotherBlockTypeOrSeveralRequests() throws Exception {
        byte[] der = Fixtures.csr("node9.internet2.network");
        ApiException wrongType = assertThrows(ApiException.class,
                () -> Pem.certificationRequest(bytes(Pem.encode("PRIVATE KEY", der))));
        assertTrue(wrongType.getMessage(), wrongType.getMessage().contains("PRIVATE KEY"));
        String two = Pem.encode("CERTIFICATE REQUEST", der) + Pem.encode("CERTIFICATE REQUEST", der);
        ApiException several = assertThrows(ApiException.class, () -> Pem.certificationRequest(bytes(two)));
        assertTrue(several.getMessage(), several.getMessage().contains("2 PEM blocks"));
    }

    @Test
    public void refusesAnEmptyBlock() {
        ApiException refusal = assertThrows(ApiException.class, () -> Pem.certificationRequest(bytes(
                "-----BEGIN CERTIFICATE REQUEST-----\n-----END CERTIFICATE REQUEST-----\n")));
        assertEquals(400, refusal.status());
    }

    @Test
    public void writesCertificatesThatReadBackInOrder() throws Exception {
        X509Certificate leaf = Fixtures.certificate("leaf", BigInteger.ONE, false);
        X509Certificate root = Fixtures.certificate("root", BigInteger.TWO, true);
        String pem = Pem.certificates(List.of(leaf, root));
        assertTrue(pem, pem.startsWith("-----BEGIN CERTIFICATE-----"));
        assertEquals(List.of(leaf, root), Pem.chain(bytes(pem)));
    }

    @Test
    public void refusesAChainWithoutCertificates() {
        assertEquals(400, assertThrows(ApiException.class, () -> Pem.chain(bytes("garbage"))).status());
    }

    @Test
    public void refusesAChainWithAnotherBlockType() throws Exception {
        String body = Pem.certificates(List.of(Fixtures.certificate("leaf", BigInteger.ONE, false)))
                + Pem.encode("CERTIFICATE REQUEST", Fixtures.csr("node9.internet2.network"));
        ApiException refusal = assertThrows(ApiException.class, () -> Pem.chain(bytes(body)));
        assertTrue(refusal.getMessage(), refusal.getMessage().contains("PEM block 2"));
    }

    @Test
    public void refusesACertificateBlockThatIsNotACertificate() {
        String body = Pem.encode("CERTIFICATE", "not DER at all".getBytes(StandardCharsets.US_ASCII));
        ApiException refusal = assertThrows(ApiException.class, () -> Pem.chain(bytes(body)));
        assertEquals(400, refusal.status());
        assertTrue(refusal.getMessage(), refusal.getMessage().startsWith("certificate 1 of the chain"));
    }

    @Test
    public void writesACrlAsX509CrlBlock() throws Exception {
        X509CRL crl = Fixtures.crl(BigInteger.TEN);
        String pem = Pem.crl(crl);
        assertTrue(pem, pem.startsWith("-----BEGIN X509 CRL-----"));
        assertArrayEquals(crl.getEncoded(), Pem.read(bytes(pem)).get(0).getContent());
    }
}
