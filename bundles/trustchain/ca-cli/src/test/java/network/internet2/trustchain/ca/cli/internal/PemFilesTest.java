package network.internet2.trustchain.ca.cli.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.apache.karaf.shell.support.CommandException;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class PemFilesTest {

    private static byte[] request;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @BeforeClass
    public static void makeRequest() throws Exception {
        request = TestCertificates.certificationRequest("node7.internet2.network");
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private Path file(String content) throws Exception {
        return file(content.getBytes(StandardCharsets.US_ASCII));
    }

    private Path file(byte[] content) throws Exception {
        Path file = folder.newFile().toPath();
        Files.write(file, content);
        return file;
    }

    private CommandException failure(Path file) {
        return assertThrows(CommandException.class, () -> PemFiles.readCertificationRequest(file));
    }

    @Test
    public void readsThePkcs10RequestOfAPemFile() throws Exception {
        byte[] read = PemFiles.readCertificationRequest(file(pem("CERTIFICATE REQUEST", request)));
        assertArrayEquals(request, read);
        assertEquals("CN=node7.internet2.network", new PKCS10CertificationRequest(read).getSubject().toString());
    }

    @Test
    public void readsTheOldNewCertificateRequestLabelCommentsAndCrLfLines() throws Exception {
        String text = "Subject: node7\r\n" + pem("NEW CERTIFICATE REQUEST", request).replace("\n", "\r\n");
        assertArrayEquals(request, PemFiles.readCertificationRequest(file(text)));
    }

    @Test
    public void takesTheRequestAmongOtherBlocks() throws Exception {
        String text = pem("PRIVATE KEY", new byte[] {0x30, 0}) + pem("CERTIFICATE REQUEST", request);
        assertArrayEquals(request, PemFiles.readCertificationRequest(file(text)));
    }

    @Test
    public void acceptsRawDer() throws Exception {
        assertArrayEquals(request, PemFiles.readCertificationRequest(file(request)));
    }

    @Test
    public void rejectsGarbageSayingWhatItExpected() throws Exception {
        CommandException text = failure(file("hello, this is not a CSR\n"));
        assertTrue(text.getMessage(), text.getMessage().contains("is not a certificate request"));
        assertTrue(text.getMessage(), text.getMessage().contains("-----BEGIN CERTIFICATE REQUEST-----"));

        byte[] noise = new byte[512];
        new Random(7).nextBytes(noise);
        noise[0] = 0x01;
        assertTrue(failure(file(noise)).getMessage().contains("is not a certificate request"));
    }

    @Test
    public void rejectsAnEmptyFile() throws Exception {
        Path empty = file(new byte[0]);
        CommandException e = failure(empty);
        assertEquals(empty + " is empty; expected a PEM certificate request (-----BEGIN CERTIFICATE REQUEST-----)",
                e.getMessage());
    }

    @Test
    public void rejectsAFileWithAnotherPemType() throws Exception {
        CommandException e = failure(file(pem("CERTIFICATE", request)));
        assertTrue(e.getMessage(), e.getMessage().endsWith("holds PEM CERTIFICATE, not a CERTIFICATE REQUEST"));
    }

    @Test
    public void rejectsBrokenPemBlocks() throws Exception {
        String good = pem("CERTIFICATE REQUEST", request);
        String truncated = good.substring(0, good.indexOf("-----END"));
        assertTrue(failure(file(truncated)).getMessage().contains("is truncated"));

        assertTrue(failure(file("-----BEGIN CERTIFICATE REQUEST-----\n-----END CERTIFICATE REQUEST-----\n"))
                .getMessage().contains("block is empty"));

        String badBase64 = good.replaceFirst("\n[A-Za-z0-9+/]{10}", "\n!!!!@@@@##");
        assertTrue(failure(file(badBase64)).getMessage().contains("is not valid base64"));

        String notDer = pem("CERTIFICATE REQUEST", "just some text".getBytes(StandardCharsets.US_ASCII));
        assertTrue(failure(file(notDer)).getMessage().contains("does not hold a DER-encoded request"));
    }

    @Test
    public void rejectsMissingFilesDirectoriesAndHugeFiles() throws Exception {
        Path missing = folder.getRoot().toPath().resolve("nope.csr");
        assertEquals("no such file: " + missing, failure(missing).getMessage());

        Path directory = folder.newFolder().toPath();
        assertTrue(failure(directory).getMessage().endsWith("is a directory, not a certificate request file"));

        byte[] huge = new byte[(int) PemFiles.MAX_REQUEST_BYTES + 1];
        huge[0] = 0x30;
        assertTrue(failure(file(huge)).getMessage().contains("is too large"));
    }

    @Test
    public void writesCertificatesAsPemThatParsesBackInOrder() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<X509Certificate> chain = List.of(
                TestCertificates.certificate("CN=leaf", BigInteger.valueOf(3), now, now.plusSeconds(60), false),
                TestCertificates.certificate("CN=intermediate", BigInteger.valueOf(2), now, now.plusSeconds(60), true),
                TestCertificates.certificate("CN=root", BigInteger.valueOf(1), now, now.plusSeconds(60), true));
        String pem = PemFiles.toPem(chain);
        for (String line : pem.split("\n")) {
            assertTrue(line, line.length() <= 64);
        }
        Path out = folder.getRoot().toPath().resolve("chain.pem");
        PemFiles.checkWritable(out);
        PemFiles.write(out, pem);

        List<X509Certificate> parsed = new ArrayList<>();
        for (Object certificate : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(out)))) {
            parsed.add((X509Certificate) certificate);
        }
        assertEquals(chain, parsed);
    }

    @Test
    public void refusesUnwritableTargetsBeforeAnythingIsIssued() throws Exception {
        Path inMissingDirectory = folder.getRoot().toPath().resolve("absent").resolve("leaf.pem");
        CommandException e = assertThrows(CommandException.class, () -> PemFiles.checkWritable(inMissingDirectory));
        assertTrue(e.getMessage(), e.getMessage().contains("does not exist"));

        Path directory = folder.newFolder().toPath();
        assertTrue(assertThrows(CommandException.class, () -> PemFiles.checkWritable(directory)).getMessage()
                .contains("is a directory"));
    }

    @Test
    public void resolvesHomeAndRelativePaths() {
        assertEquals(Path.of(System.getProperty("user.home"), "a.csr"), PemFiles.resolve("~/a.csr"));
        assertEquals(Path.of(System.getProperty("user.dir"), "b.csr"), PemFiles.resolve("b.csr"));
        assertEquals(Path.of("/tmp/c.csr"), PemFiles.resolve("/tmp/x/../c.csr"));
    }
}
