package network.internet2.trustchain.ca.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectAltPublicKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.bouncycastle.util.io.pem.PemReader;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import network.internet2.trustchain.ca.CaException;
import network.internet2.trustchain.ca.CaUnavailableException;
import network.internet2.trustchain.ca.CertificateRequest;
import network.internet2.trustchain.ca.InvalidRequestException;
import network.internet2.trustchain.ca.IssuedCertificate;
import network.internet2.trustchain.ca.RevocationReason;
import network.internet2.trustchain.ca.UnknownCertificateException;
import network.internet2.trustchain.ca.ValidationResult;
import network.internet2.trustchain.crypto.Algorithms;
import network.internet2.trustchain.crypto.CryptoSuite;

/**
 * The CA against the real crypto suites and, where the issue asks for it,
 * against OpenSSL: {@code openssl req} makes the classical CSR, {@code openssl
 * verify} checks the classical chain, {@code openssl asn1parse} shows the
 * alternative-signature extensions and {@code openssl crl} reads the CRL.
 */
public class HybridCertificateAuthorityTest {

    private static final String NODE = "node1.internet2.network";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final Map<String, CryptoSuite> installed = new HashMap<>();
    private final SuiteLookup suites = id -> {
        CryptoSuite suite = installed.get(id);
        if (suite == null) {
            throw new CaUnavailableException("crypto suite " + id + " is not available: install feature crypto-pq");
        }
        return suite;
    };
    private Path home;

    @Before
    public void installBothSuites() {
        installed.put(CryptoSuite.CLASSICAL, TestSuites.classical());
        installed.put(CryptoSuite.POST_QUANTUM, TestSuites.postQuantum());
        home = folder.getRoot().toPath();
    }

    private HybridCertificateAuthority open() throws CaException {
        return open(Clock.systemUTC());
    }

    private HybridCertificateAuthority open(Clock clock) throws CaException {
        return HybridCertificateAuthority.open(new CaSettings(home.resolve("ca"), home.resolve("secrets/ca.pass"),
                "internet2.network", Duration.ofHours(24), Duration.ofDays(90), Duration.ofDays(3650), true),
                suites, clock);
    }

    @Test
    public void rotatesTheIntermediateAtTwoThirdsOfItsLifeAndOldLeavesKeepValidating() throws Exception {
        SettableClock clock = new SettableClock(Instant.now());
        try (HybridCertificateAuthority ca = open(clock)) {
            X509Certificate first = ca.issuingChain().get(0);
            clock.advance(Duration.ofDays(59));
            assertFalse("not due before 60 of 90 days", ca.rotateIfDue());
            clock.advance(Duration.ofHours(12));
            IssuedCertificate old = ca.issue(new CertificateRequest(opensslCsr(NODE), null)); // valid 24 h

            clock.advance(Duration.ofHours(13));
            assertTrue(ca.rotateIfDue());
            X509Certificate second = ca.issuingChain().get(0);
            assertNotEquals(first, second);
            IssuedCertificate fresh = ca.issue(new CertificateRequest(opensslCsr(NODE), null));

            clock.advance(Duration.ofHours(1));
            assertEquals(first, old.chain().get(0));
            assertEquals(second, fresh.chain().get(0));
            assertTrue(ca.validate(List.of(old.certificate(), first), NODE).failures().toString(),
                    ca.validate(List.of(old.certificate(), first), NODE).valid());
            assertTrue(ca.validate(List.of(fresh.certificate(), second), NODE).valid());
        }
        try (HybridCertificateAuthority reopened = open(clock)) {
            assertEquals("the rotated intermediate survives a restart", 2,
                    reopened.list().stream().map(issued -> issued.chain().get(0)).distinct().count());
        }
    }

    @Test
    public void rootRotationCrossSignsSoOldAndNewChainsValidateAndOpensslFollowsTheCrossCertificate()
            throws Exception {
        X509Certificate oldRoot;
        IssuedCertificate before;
        try (HybridCertificateAuthority ca = open()) {
            oldRoot = ca.root();
            before = ca.issue(new CertificateRequest(opensslCsr(NODE), null));

            ca.rotateRoot();
            X509Certificate newRoot = ca.root();
            assertNotEquals(oldRoot, newRoot);
            assertEquals(List.of(newRoot, oldRoot), ca.trustedRoots());
            X509Certificate cross = ca.crossCertificates().get(0);
            assertEquals(newRoot.getSubjectX500Principal(), cross.getSubjectX500Principal());
            assertEquals(oldRoot.getSubjectX500Principal(), cross.getIssuerX500Principal());
            assertEquals(newRoot.getPublicKey(), cross.getPublicKey());

            IssuedCertificate after = ca.issue(new CertificateRequest(opensslCsr(NODE), null));
            assertEquals(newRoot, after.chain().get(1));
            assertTrue("earlier certificate still valid",
                    ca.validate(List.of(before.certificate(), before.chain().get(0)), NODE).valid());
            assertTrue(ca.validate(List.of(after.certificate(), after.chain().get(0)), NODE).valid());

            ValidationResult throughCross = new ChainValidator(suites).validate(
                    List.of(after.certificate(), after.chain().get(0), cross), List.of(oldRoot), serial -> null,
                    Instant.now(), NODE);
            assertTrue("a peer trusting only the old root: " + throughCross.failures(), throughCross.valid());
            assertTrue(throughCross.checks().stream().anyMatch(check -> check.name().equals("[2].altSignature")
                    && check.passed()));

            Path untrusted = home.resolve("untrusted.pem");
            Files.writeString(untrusted, Files.readString(write("i2.pem", after.chain().get(0)))
                    + Files.readString(write("cross.pem", cross)));
            String verify = openssl("verify", "-CAfile", write("old-root.pem", oldRoot).toString(), "-untrusted",
                    untrusted.toString(), write("new-leaf.pem", after.certificate()).toString());
            assertTrue(verify, verify.contains(": OK"));
        }
        try (HybridCertificateAuthority reopened = open()) {
            assertEquals("the new root after a restart", 2, reopened.trustedRoots().size());
            assertNotEquals(oldRoot, reopened.root());
            assertEquals(1, reopened.crossCertificates().size());
            assertTrue(reopened.validate(List.of(before.certificate(), before.chain().get(0)), NODE).valid());
        }
    }

    @Test
    public void concurrentIssuanceRecordsEveryCertificateOnceAndAllSurviveAReopen() throws Exception {
        byte[] csr = opensslCsr(NODE);
        java.util.Set<BigInteger> serials = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try (HybridCertificateAuthority ca = open()) {
            java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<IssuedCertificate>> futures = new java.util.ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    futures.add(callers.submit(() -> ca.issue(new CertificateRequest(csr, null))));
                }
                for (java.util.concurrent.Future<IssuedCertificate> future : futures) {
                    serials.add(future.get(60, TimeUnit.SECONDS).serial());
                }
            } finally {
                callers.shutdownNow();
            }
            assertEquals("distinct serials", 40, serials.size());
            assertEquals(40, ca.list().size());
        }
        try (HybridCertificateAuthority reopened = open()) {
            assertEquals(serials, reopened.list().stream().map(IssuedCertificate::serial)
                    .collect(java.util.stream.Collectors.toSet()));
        }
    }

    /** A clock the test moves forward by hand. */
    private static final class SettableClock extends Clock {
        private Instant now;

        SettableClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    public void bootstrapsAHybridRootOnceAndReusesItOnEveryLaterStart() throws Exception {
        byte[] first;
        try (HybridCertificateAuthority ca = open()) {
            first = ca.root().getEncoded();
            assertNotNull(ca.root().getExtensionValue(Extension.subjectAltPublicKeyInfo.getId()));
            assertNotNull(ca.root().getExtensionValue(Extension.altSignatureValue.getId()));
            assertTrue(ca.validate(ca.issuingChain(), null).valid());
        }
        try (HybridCertificateAuthority ca = open()) {
            assertArrayEquals(first, ca.root().getEncoded());
        }
        try (var files = Files.list(home.resolve("ca"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".key.pem")).toList()) {
                assertEquals(file.toString(), "rw-------",
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
                assertTrue(Files.readString(file).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
            }
        }
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("secrets/ca.pass"))));
    }

    @Test
    public void issuesFromAnOpensslCsrAChainOpensslVerifiesWithTheAlternativeSignatureExtensions() throws Exception {
        try (HybridCertificateAuthority ca = open()) {
            IssuedCertificate issued = ca.issue(new CertificateRequest(opensslCsr(NODE), null));

            Path root = write("root.pem", ca.root());
            Path intermediate = write("intermediate.pem", issued.chain().get(0));
            Path leaf = write("leaf.pem", issued.certificate());
            String verify = openssl("verify", "-CAfile", root.toString(), "-untrusted", intermediate.toString(),
                    leaf.toString());
            assertTrue(verify, verify.contains(leaf + ": OK"));

            String asn1 = openssl("asn1parse", "-in", leaf.toString());
            assertTrue(asn1, asn1.contains("2.5.29.73")); // altSignatureAlgorithm
            assertTrue(asn1, asn1.contains("2.5.29.74")); // altSignatureValue
            ValidationResult result = ca.validate(List.of(issued.certificate(), issued.chain().get(0)), NODE);
            assertTrue(result.failures().toString(), result.valid());
            assertTrue(issued.certificate().getNotAfter().getTime() - System.currentTimeMillis()
                    <= TimeUnit.HOURS.toMillis(24));
            assertEquals(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"), // TLS server and client
                    issued.certificate().getExtendedKeyUsage());
        }
    }

    @Test
    public void hybridCsrYieldsALeafNamingItsFalconKeyAndAFlippedByteBreaksTheAlternativeSignature()
            throws Exception {
        try (HybridCertificateAuthority ca = open()) {
            KeyPair falcon = TestSuites.postQuantum().generateKeyPair(Algorithms.FALCON_1024);
            IssuedCertificate issued = ca.issue(new CertificateRequest(hybridCsr("node2.internet2.network", falcon),
                    Duration.ofHours(1)));

            SubjectAltPublicKeyInfo named = SubjectAltPublicKeyInfo.fromExtensions(
                    new X509CertificateHolder(issued.certificate().getEncoded()).getExtensions());
            assertArrayEquals(falcon.getPublic().getEncoded(), named.getEncoded());
            List<X509Certificate> chain = List.of(issued.certificate(), issued.chain().get(0));
            assertTrue(ca.validate(chain, "node2.internet2.network").valid());
            String asn1 = openssl("asn1parse", "-in", write("hybrid-leaf.pem", issued.certificate()).toString());
            for (String oid : new String[] {"2.5.29.72", "2.5.29.73", "2.5.29.74"}) {
                assertTrue(oid + " in\n" + asn1, asn1.contains(oid));
            }

            X509Certificate tampered = flipByteInAlternativeSignature(issued.certificate());
            ValidationResult result = ca.validate(List.of(tampered, issued.chain().get(0)), null);
            assertFalse(result.valid());
            assertTrue(result.failures().toString(),
                    result.failures().stream().anyMatch(check -> check.name().equals("[0].altSignature")));
        }
    }

    @Test
    public void revokedSerialIsListedInTheSignedCrlAndFailsValidation() throws Exception {
        try (HybridCertificateAuthority ca = open()) {
            IssuedCertificate issued = ca.issue(new CertificateRequest(opensslCsr(NODE), null));
            ca.revoke(issued.serial(), RevocationReason.KEY_COMPROMISE);

            Path crl = home.resolve("crl.der");
            Files.write(crl, ca.crl().getEncoded());
            String text = openssl("crl", "-inform", "DER", "-in", crl.toString(), "-text", "-noout");
            assertTrue(text, text.toUpperCase().contains(issued.serial().toString(16).toUpperCase()));
            assertTrue(text, text.contains("Key Compromise"));
            ca.crl().verify(ca.issuingChain().get(0).getPublicKey());

            ValidationResult result = ca.validate(List.of(issued.certificate(), issued.chain().get(0)), null);
            assertTrue(result.failures().toString(),
                    result.failures().stream().anyMatch(check -> check.name().equals("leaf.revocation")));
        }
        try (HybridCertificateAuthority reopened = open()) {
            assertTrue("revocation survives a restart", reopened.list().get(0).revoked());
        }
    }

    @Test
    public void badRequestsGetClearErrorsAndChangeNothing() throws Exception {
        try (HybridCertificateAuthority ca = open()) {
            ca.issue(new CertificateRequest(opensslCsr(NODE), null));
            long journal = Files.size(home.resolve("ca/journal.log"));

            InvalidRequestException garbage = assertThrows(InvalidRequestException.class,
                    () -> ca.issue(new CertificateRequest(new byte[] {0x30, 0x03, 1, 2, 3}, null)));
            assertTrue(garbage.getMessage(), garbage.getMessage().contains("malformed"));
            InvalidRequestException outside = assertThrows(InvalidRequestException.class,
                    () -> ca.issue(new CertificateRequest(opensslCsr("www.example.com"), null)));
            assertTrue(outside.getMessage(), outside.getMessage().contains("outside the zone"));
            InvalidRequestException weak = assertThrows(InvalidRequestException.class,
                    () -> ca.issue(new CertificateRequest(opensslRsaCsr(NODE), null)));
            assertTrue(weak.getMessage(), weak.getMessage().contains("RSA"));
            assertThrows(UnknownCertificateException.class,
                    () -> ca.revoke(BigInteger.valueOf(42), RevocationReason.UNSPECIFIED));

            assertEquals(1, ca.list().size());
            assertEquals(journal, Files.size(home.resolve("ca/journal.log")));
        }
    }

    @Test
    public void withoutThePostQuantumSuiteIssuanceFailsNamingItAndResumesWhenItReturns() throws Exception {
        try (HybridCertificateAuthority ca = open()) {
            byte[] csr = opensslCsr(NODE);
            CryptoSuite pq = installed.remove(CryptoSuite.POST_QUANTUM);

            CaUnavailableException missing = assertThrows(CaUnavailableException.class,
                    () -> ca.issue(new CertificateRequest(csr, null)));
            assertTrue(missing.getMessage(), missing.getMessage().contains(CryptoSuite.POST_QUANTUM));
            assertTrue(missing.getMessage(), missing.getMessage().contains("crypto-pq"));
            assertEquals(0, ca.list().size());

            installed.put(CryptoSuite.POST_QUANTUM, pq);
            assertNotNull(ca.issue(new CertificateRequest(csr, null)).certificate());
        }
    }

    @Test
    public void afterIntermediateRotationOldAndNewLeavesBothValidate() throws Exception {
        try (HybridCertificateAuthority ca = open()) {
            IssuedCertificate before = ca.issue(new CertificateRequest(opensslCsr(NODE), null));
            ca.rotateIntermediate();
            IssuedCertificate after = ca.issue(new CertificateRequest(opensslCsr(NODE), null));

            assertNotEquals(before.chain().get(0), after.chain().get(0));
            assertTrue(ca.validate(List.of(before.certificate(), before.chain().get(0)), NODE).valid());
            assertTrue(ca.validate(List.of(after.certificate(), after.chain().get(0)), NODE).valid());
            IssuedCertificate renewed = ca.renew(before.serial());
            assertEquals(after.chain().get(0), renewed.chain().get(0));
            assertEquals(before.certificate().getPublicKey(), renewed.certificate().getPublicKey());
        }
    }

    // ---------------------------------------------------------------- helpers

    private byte[] opensslCsr(String name) throws Exception {
        Path key = home.resolve("key-" + System.nanoTime() + ".pem");
        Path csr = home.resolve("csr-" + System.nanoTime() + ".pem");
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                key.toString(), "-out", csr.toString(), "-subj", "/CN=" + name, "-addext",
                "subjectAltName=DNS:" + name);
        return pemContent(Files.readString(csr));
    }

    private byte[] opensslRsaCsr(String name) throws Exception {
        Path key = home.resolve("rsa-" + System.nanoTime() + ".pem");
        Path csr = home.resolve("rsacsr-" + System.nanoTime() + ".pem");
        openssl("req", "-new", "-newkey", "rsa:1024", "-nodes", "-keyout", key.toString(), "-out", csr.toString(),
                "-subj", "/CN=" + name);
        return pemContent(Files.readString(csr));
    }

    private byte[] hybridCsr(String name, KeyPair falcon) throws Exception {
        KeyPair ec = TestSuites.classical().generateKeyPair(Algorithms.ECDSA_P256);
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, name)));
        return new PKCS10CertificationRequestBuilder(new X500Name("CN=" + name),
                SubjectPublicKeyInfo.getInstance(ec.getPublic().getEncoded()))
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                .build(SuiteContentSigner.of(Algorithms.ECDSA_P256, ec.getPrivate(), suites),
                        SubjectPublicKeyInfo.getInstance(falcon.getPublic().getEncoded()),
                        SuiteContentSigner.of(Algorithms.FALCON_1024, falcon.getPrivate(), suites))
                .getEncoded();
    }

    private static X509Certificate flipByteInAlternativeSignature(X509Certificate certificate) throws Exception {
        byte[] encoded = certificate.getEncoded();
        byte[] extension = certificate.getExtensionValue(Extension.altSignatureValue.getId());
        byte[] signature = java.util.Arrays.copyOfRange(extension, extension.length - 64, extension.length);
        int at = indexOf(encoded, signature);
        assertTrue("alternative signature found in the encoding", at > 0);
        encoded[at + 10] ^= 0x01;
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(encoded));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private Path write(String name, X509Certificate certificate) throws Exception {
        Path file = home.resolve(name);
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
                        certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        return file;
    }

    private static byte[] pemContent(String pem) throws IOException {
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            return reader.readPemObject().getContent();
        }
    }

    private static String openssl(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("openssl finished in time", process.waitFor(60, TimeUnit.SECONDS));
        assertEquals("openssl " + String.join(" ", arguments) + ":\n" + output, 0, process.exitValue());
        return output;
    }
}
