package network.internet2.trustchain.ct.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import network.internet2.trustchain.crypto.pq.internal.PostQuantumCryptoSuite;
import network.internet2.trustchain.ct.SignedCertificateTimestamp;

/**
 * Durable appends per second. {@code logAddChain}: the whole submission path
 * of the log (chain check, group-commit append with one sync per batch, SCT
 * signed with ECDSA P-256 and FALCON-1024). {@code baselineSyncPerEntry}: the
 * same number of bytes appended with one sync each, serialized as a naive
 * durable log must be. {@code queueAppendOnly}: the log's storage path alone
 * (group commit, no chain check, no signing). Run with 1 and 8 JMH threads (submitters).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AppendBenchmark {

    private Path directory;
    private CtLog log;
    private List<X509Certificate> chain;
    private FileChannel baseline;
    private TreeStorage queueStorage;
    private AppendQueue queue;
    private byte[] entryBytes;

    @Setup(Level.Trial)
    public void open() throws Exception {
        directory = Files.createTempDirectory("ct-append-benchmark");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair rootKeys = generator.generateKeyPair();
        X509Certificate root = certificate("CN=Bench Root", rootKeys, rootKeys);
        chain = List.of(certificate("CN=bench.internet2.network", generator.generateKeyPair(), rootKeys), root);
        log = new CtLog(TreeStorage.open(directory.resolve("tree")),
                LogKeys.loadOrCreate(directory.resolve("log-keys"), new PostQuantumCryptoSuite()),
                () -> List.of(root), Clock.systemUTC(), "http://[::1]:8181/ct/v1/", Duration.ofDays(1));
        entryBytes = new byte[CtStructures.leafInput(0, CtStructures.SignedEntry.x509(chain.get(0).getEncoded()))
                .length + CtStructures.extraData(chain, false).length + 20];
        queueStorage = TreeStorage.open(directory.resolve("queue-only"));
        queue = new AppendQueue(queueStorage);
        baseline = FileChannel.open(directory.resolve("baseline.log"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        log.close();
        queue.close();
        queueStorage.close();
        baseline.close();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public SignedCertificateTimestamp logAddChain() throws Exception {
        return log.addChain(chain);
    }

    /** The storage path alone (group commit, no chain check, no signing): what batching buys. */
    @Benchmark
    public long queueAppendOnly() throws Exception {
        return queue.append(new TreeStorage.Entry(entryBytes, new byte[0])).get();
    }

    @Benchmark
    public void baselineSyncPerEntry() throws IOException {
        synchronized (this) {
            baseline.write(ByteBuffer.wrap(entryBytes));
            baseline.force(false);
        }
    }

    private static X509Certificate certificate(String subject, KeyPair subjectKeys, KeyPair issuerKeys)
            throws Exception {
        Instant now = Instant.now();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                new X500Name("CN=Bench Root"), BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minusSeconds(60)),
                Date.from(now.plusSeconds(86_400)), new X500Name(subject), subjectKeys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }
}
