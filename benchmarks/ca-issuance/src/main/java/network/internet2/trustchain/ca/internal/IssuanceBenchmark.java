package network.internet2.trustchain.ca.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import network.internet2.trustchain.ca.CaException;
import network.internet2.trustchain.ca.CaUnavailableException;
import network.internet2.trustchain.ca.CertificateRequest;
import network.internet2.trustchain.ca.IssuedCertificate;
import network.internet2.trustchain.crypto.CryptoSuite;
import network.internet2.trustchain.crypto.classical.internal.ClassicalCryptoSuite;
import network.internet2.trustchain.crypto.pq.internal.PostQuantumCryptoSuite;

/**
 * Issuance from a classical CSR: CSR review, leaf signing and the synced
 * journal append. {@code hybrid}: ECDSA P-256 + FALCON-1024 alternative
 * signature (the production setting); {@code classical}: a classical-only CA,
 * the same-run baseline. Sample time gives p50/p99, throughput gives
 * certificates per second; run with one and with several threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class IssuanceBenchmark {

    @Param({"hybrid", "classical"})
    public String suite;

    private Path home;
    private HybridCertificateAuthority ca;
    private byte[] csr;

    @Setup(Level.Trial)
    public void openCa() throws Exception {
        home = Files.createTempDirectory("ca-bench");
        boolean hybrid = "hybrid".equals(suite);
        Map<String, CryptoSuite> installed = new HashMap<>();
        installed.put(CryptoSuite.CLASSICAL, new ClassicalCryptoSuite());
        if (hybrid) {
            installed.put(CryptoSuite.POST_QUANTUM, new PostQuantumCryptoSuite());
        }
        SuiteLookup suites = id -> {
            CryptoSuite found = installed.get(id);
            if (found == null) {
                throw new CaUnavailableException("crypto suite " + id + " is not installed in this run");
            }
            return found;
        };
        ca = HybridCertificateAuthority.open(new CaSettings(home.resolve("ca"), home.resolve("pass"),
                "internet2.network", Duration.ofHours(24), Duration.ofDays(90), Duration.ofDays(3650), hybrid),
                suites, Clock.systemUTC());
        csr = csr("bench.internet2.network");
    }

    @TearDown(Level.Trial)
    public void closeCa() throws IOException {
        ca.close();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public IssuedCertificate issue() throws CaException {
        return ca.issue(new CertificateRequest(csr, null));
    }

    private static byte[] csr(String name) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, name)));
        return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + name), keys.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())).getEncoded();
    }
}
