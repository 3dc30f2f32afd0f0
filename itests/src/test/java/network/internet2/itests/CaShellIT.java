package network.internet2.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The CA's shell commands in the running distribution: {@code trustchain:issue}
 * for a PEM request made here with BouncyCastle, {@code list}, {@code revoke},
 * {@code info} and {@code rotate}, and clear one-line failures for user errors.
 * As with every Karaf command, options come before the arguments
 * ({@code trustchain:revoke --reason keyCompromise <serial>}).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CaShellIT extends Internet2TestSupport {

    private static final String NAME = "node7.internet2.network";
    /** A 16-octet serial this CA never issued (its serials start with 4..7 in hex). */
    private static final String UNKNOWN_SERIAL = "1234567890abcdef1234567890abcdef";
    private static final Pattern SERIAL = Pattern.compile("(?m)^\\s*Serial\\s+([0-9a-f]+)\\s*$");

    @Before
    public void waitForTheCa() throws Exception {
        // the CA bootstraps (root and intermediate) once its crypto suites arrive at start
        waitUntil("the CA is open and trustchain:info shows its root", Duration.ofSeconds(90),
                () -> executeCommand("trustchain:info").contains("TrustChain Root CA"));
    }

    @Test
    public void issuesACertificateForAPemRequestAndListsItAsValid() throws Exception {
        String output = executeCommand("trustchain:issue " + quoted(requestFile()));

        String serial = serialIn(output);
        assertTrue(output, output.contains("CN=" + NAME));
        assertTrue(output, output.contains("Not after"));
        List<X509Certificate> printed = certificates(output);
        assertEquals(output, 3, printed.size());
        assertEquals(serial, printed.get(0).getSerialNumber().toString(16));

        String row = rowOf(executeCommand("trustchain:list"), serial);
        assertTrue(row, row.contains("CN=" + NAME));
        assertTrue(row, row.contains("valid"));
    }

    @Test
    public void writesTheCertificateAndItsChainToTheOutFile() throws Exception {
        Path out = Files.createTempFile("node7-", ".pem");
        String output = executeCommand("trustchain:issue --validity-hours 2 --out " + quoted(out) + " "
                + quoted(requestFile()));

        assertFalse(output, output.contains("BEGIN CERTIFICATE"));
        assertTrue(output, output.contains("Wrote the certificate and its chain (3 certificates) to " + out));
        List<X509Certificate> chain = certificates(Files.readString(out, StandardCharsets.US_ASCII));
        assertEquals(3, chain.size());
        X509Certificate leaf = chain.get(0);
        assertEquals(serialIn(output), leaf.getSerialNumber().toString(16));
        assertTrue(String.valueOf(leaf.getSubjectAlternativeNames()),
                leaf.getSubjectAlternativeNames().contains(List.of(2, NAME)));
        leaf.verify(chain.get(1).getPublicKey());
        chain.get(1).verify(chain.get(2).getPublicKey());
        Instant notAfter = leaf.getNotAfter().toInstant();
        assertTrue(notAfter.toString(), notAfter.isBefore(Instant.now().plus(Duration.ofHours(2)).plusSeconds(60)));
        assertTrue(notAfter.toString(), notAfter.isAfter(Instant.now().plus(Duration.ofHours(1))));
    }

    @Test
    public void revokesWithAReasonAndListShowsItRevoked() throws Exception {
        String serial = serialIn(executeCommand("trustchain:issue " + quoted(requestFile())));

        String revoked = executeCommand("trustchain:revoke --reason keyCompromise " + serial);
        assertTrue(revoked, revoked.contains("Revoked"));
        assertTrue(revoked, revoked.contains("keyCompromise"));

        String row = rowOf(executeCommand("trustchain:list"), serial);
        assertTrue(row, row.contains("revoked (keyCompromise)"));
        assertTrue(rowOf(executeCommand("trustchain:list --revoked"), serial).contains("revoked (keyCompromise)"));

        String again = executeCommand("trustchain:revoke --reason superseded " + serial);
        assertTrue(again, again.contains("Already revoked, nothing changed"));
        assertTrue(rowOf(executeCommand("trustchain:list"), serial).contains("revoked (keyCompromise)"));
    }

    @Test
    public void infoShowsTheHybridRootTheIntermediateAndTheCounts() throws Exception {
        serialIn(executeCommand("trustchain:issue " + quoted(requestFile())));

        String info = executeCommand("trustchain:info");
        assertTrue(info, value(info, "Root CA", null).startsWith("CN=TrustChain Root CA"));
        assertTrue(info, value(info, "Root CA", "serial").matches("[0-9a-f]+"));
        assertTrue(info, value(info, "Root CA", "hybrid").startsWith("yes"));
        assertTrue(info, value(info, "Intermediate CA", null).startsWith("CN=TrustChain Intermediate CA"));
        assertTrue(info, value(info, "Intermediate CA", "hybrid").startsWith("yes"));
        assertTrue(info, value(info, "Certificates", null).matches("[1-9][0-9]* issued, [0-9]+ revoked"));
    }

    @Test
    public void rotatePrintsANewIntermediateThatInfoThenShows() throws Exception {
        String before = value(executeCommand("trustchain:info"), "Intermediate CA", "serial");

        String rotated = executeCommand("trustchain:rotate");
        String serial = serialIn(rotated);
        assertNotEquals(rotated, before, serial);
        Matcher subject = Pattern.compile("(?m)^\\s*Subject\\s+(CN=TrustChain Intermediate CA [^\\n]*?)\\s*$")
                .matcher(rotated);
        assertTrue(rotated, subject.find());

        String info = executeCommand("trustchain:info");
        assertEquals(info, serial, value(info, "Intermediate CA", "serial"));
        assertEquals(info, subject.group(1), value(info, "Intermediate CA", null));

        // new certificates come from the new intermediate
        List<X509Certificate> issued = certificates(executeCommand("trustchain:issue " + quoted(requestFile())));
        assertEquals(serial, issued.get(1).getSerialNumber().toString(16));
    }

    @Test
    public void revokingAnUnknownSerialFailsClearlyAndChangesNothing() throws Exception {
        String serial = serialIn(executeCommand("trustchain:issue " + quoted(requestFile())));
        String listBefore = executeCommand("trustchain:list");

        assertEquals("no certificate with serial " + UNKNOWN_SERIAL + " was issued by this CA",
                failure("trustchain:revoke --reason keyCompromise " + UNKNOWN_SERIAL));
        assertTrue(failure("trustchain:revoke not-a-serial").contains("is not a certificate serial"));
        assertTrue(failure("trustchain:revoke --reason stolen " + serial)
                .startsWith("unknown revocation reason 'stolen': use one of unspecified, keyCompromise"));

        assertEquals(listBefore, executeCommand("trustchain:list"));
    }

    @Test
    public void issueRejectsFilesThatHoldNoRequestAndIssuesNothing() throws Exception {
        String listBefore = executeCommand("trustchain:list");
        Path garbage = Files.createTempFile("garbage-", ".csr");
        Files.writeString(garbage, "this is not a certificate request\n");
        Path certificate = Files.createTempFile("not-a-request-", ".pem");
        Files.writeString(certificate, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        Path malformed = Files.createTempFile("malformed-", ".csr");
        Files.writeString(malformed, "-----BEGIN CERTIFICATE REQUEST-----\nMAMCAQA=\n-----END CERTIFICATE REQUEST-----\n");
        Path missing = garbage.resolveSibling("does-not-exist.csr");

        assertTrue(failure("trustchain:issue " + quoted(garbage)).endsWith("is not a certificate request: no "
                + "-----BEGIN CERTIFICATE REQUEST----- line in it"));
        assertTrue(failure("trustchain:issue " + quoted(certificate)).endsWith("holds PEM CERTIFICATE, "
                + "not a CERTIFICATE REQUEST"));
        assertTrue(failure("trustchain:issue " + quoted(malformed)).startsWith("cannot issue a certificate for "
                + malformed + ": malformed PKCS#10 request"));
        assertEquals("no such file: " + missing, failure("trustchain:issue " + quoted(missing)));

        assertEquals(listBefore, executeCommand("trustchain:list"));
    }

    // ------------------------------------------------------------------ helpers

    /** A PEM PKCS#10 request: EC P-256, CN and dNSName {@value #NAME}, in a new temporary file. */
    private static Path requestFile() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, NAME)));
        PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + NAME),
                keys.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(request);
        }
        Path file = Files.createTempFile("node7-", ".csr");
        Files.writeString(file, pem.toString(), StandardCharsets.US_ASCII);
        return file;
    }

    private static String quoted(Path path) {
        return "\"" + path + "\"";
    }

    /** Runs a command that must fail; returns its error message, which must be one line. */
    private String failure(String command) {
        String output;
        try {
            output = executeCommand(command);
        } catch (Exception e) {
            String message = e.getMessage();
            assertTrue(command + " failed with " + e, message != null && !message.isBlank());
            assertFalse(command + " failed with a multi-line message: " + message, message.contains("\n"));
            return message;
        }
        fail(command + " did not fail; it printed:\n" + output);
        return null;
    }

    private static String serialIn(String output) {
        Matcher serial = SERIAL.matcher(output);
        assertTrue("no serial in:\n" + output, serial.find());
        return serial.group(1);
    }

    /** The line of a {@code trustchain:list} table that contains {@code text}. */
    private static String rowOf(String table, String text) {
        for (String line : table.split("\\R")) {
            if (line.contains(text)) {
                return line;
            }
        }
        throw new AssertionError("no row with " + text + " in:\n" + table);
    }

    /**
     * A value of {@code trustchain:info}: the one on the section's own line
     * ({@code key == null}) or on its indented {@code key} line.
     */
    private static String value(String info, String section, String key) {
        String[] lines = info.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(section + " ")) {
                if (key == null) {
                    return lines[i].substring(section.length()).trim();
                }
                for (int j = i + 1; j < lines.length && lines[j].startsWith(" "); j++) {
                    if (lines[j].trim().startsWith(key + " ")) {
                        return lines[j].trim().substring(key.length()).trim();
                    }
                }
            }
        }
        throw new AssertionError("no " + section + (key == null ? "" : " " + key) + " in:\n" + info);
    }

    private static List<X509Certificate> certificates(String pem) throws Exception {
        List<X509Certificate> certificates = new ArrayList<>();
        int start = pem.indexOf("-----BEGIN CERTIFICATE-----");
        if (start < 0) {
            return certificates;
        }
        for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(
                new ByteArrayInputStream(pem.substring(start).getBytes(StandardCharsets.US_ASCII)))) {
            certificates.add((X509Certificate) certificate);
        }
        return certificates;
    }
}
