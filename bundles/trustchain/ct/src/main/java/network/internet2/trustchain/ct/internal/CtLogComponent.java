package network.internet2.trustchain.ct.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import network.internet2.trustchain.ca.CertificateAuthority;
import network.internet2.trustchain.crypto.CryptoSuite;
import network.internet2.trustchain.ct.EmbeddedSctVerdict;
import network.internet2.trustchain.ct.InclusionProof;
import network.internet2.trustchain.ct.LogEntry;
import network.internet2.trustchain.ct.LogException;
import network.internet2.trustchain.ct.LogIdentity;
import network.internet2.trustchain.ct.SignedCertificateTimestamp;
import network.internet2.trustchain.ct.SignedTreeHead;
import network.internet2.trustchain.ct.TransparencyLog;

/**
 * The CT log as an OSGi service. Accepted roots are the TrustChain CA's
 * trusted roots (asked for at each submission); the FALCON-1024 co-signatures need the
 * {@code crypto-pq} suite, without which the log is not offered.
 */
@Component(service = TransparencyLog.class, configurationPid = CtLogComponent.PID, immediate = true)
@Designate(ocd = CtLogComponent.Config.class)
public class CtLogComponent implements TransparencyLog {

    static final String PID = "network.internet2.trustchain.ct";

    @ObjectClassDefinition(name = "Internet 2.0 TrustChain CT log",
            description = "The Certificate Transparency log (RFC 6962 with RFC 9162 hashing).")
    @interface Config {
        @AttributeDefinition(description = "Where entries, tree and keys live; empty means ${karaf.data}/internet2/ct")
        String storage_directory() default "";

        @AttributeDefinition(description = "The log's public base URL, published in its log list entry; "
                + "RFC 6962 clients append ct/v1/…")
        String url() default "http://[::1]:8181/";

        @AttributeDefinition(description = "Maximum merge delay, in seconds: an entry is in a signed tree head "
                + "at most this long after its SCT (entries are in the tree as soon as they are durable)",
                min = "1")
        long maximum_merge_delay_seconds() default 86400;

        @AttributeDefinition(description = "How often a new tree head is signed when the tree has grown, in "
                + "milliseconds; an unchanged tree gets a fresh one at half the maximum merge delay", min = "100")
        long tree_head_interval_millis() default 1000;
    }

    private static final Logger LOG = LoggerFactory.getLogger(CtLogComponent.class);

    private final CtLog log;
    private final ScheduledExecutorService signer;
    private final BundleContext context;

    @Activate
    public CtLogComponent(BundleContext context, Config config,
            @Reference(target = "(" + CryptoSuite.SUITE_PROPERTY + "=" + CryptoSuite.POST_QUANTUM + ")")
            CryptoSuite postQuantum) throws IOException, LogException {
        this.context = context;
        if (config.maximum_merge_delay_seconds() < 1 || config.tree_head_interval_millis() < 100) {
            throw new IllegalArgumentException("maximum.merge.delay.seconds must be at least 1 and "
                    + "tree.head.interval.millis at least 100");
        }
        if (!config.url().startsWith("http://") && !config.url().startsWith("https://")) {
            throw new IllegalArgumentException("url must be an http(s) URL, got '" + config.url() + "'");
        }
        String data = context.getProperty("karaf.data");
        Path directory = config.storage_directory().isBlank()
                ? Path.of(data == null ? "data" : data, "internet2", "ct") : Path.of(config.storage_directory());
        Duration mmd = Duration.ofSeconds(config.maximum_merge_delay_seconds());
        TreeStorage storage = TreeStorage.open(directory.resolve("tree"));
        try {
            this.log = new CtLog(storage, LogKeys.loadOrCreate(directory.resolve("log-keys"), postQuantum),
                    this::roots, Clock.systemUTC(), config.url(), mmd);
        } catch (IOException | LogException | RuntimeException e) {
            storage.close();
            throw e;
        }
        this.signer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "internet2-ct-tree-head");
            thread.setDaemon(true);
            return thread;
        });
        Duration maxAge = mmd.dividedBy(2);
        signer.scheduleWithFixedDelay(() -> {
            try {
                log.refreshTreeHead(maxAge);
            } catch (LogException | RuntimeException e) {
                LOG.warn("CT log: tree head not refreshed ({}); retried", e.getMessage());
            }
        }, config.tree_head_interval_millis(), config.tree_head_interval_millis(), TimeUnit.MILLISECONDS);
        LOG.info("CT log open in {}: {} entries, log ID {}", directory, log.size(),
                java.util.Base64.getEncoder().encodeToString(log.identity().logId()));
    }

    /**
     * The CA's trusted roots, looked up in the service registry at each
     * submission (not through a bound reference, so that a precertificate the
     * CA logs while both are starting never meets an unbound log).
     */
    private List<X509Certificate> roots() {
        ServiceReference<CertificateAuthority> reference = context.getServiceReference(CertificateAuthority.class);
        CertificateAuthority authority = reference == null ? null : context.getService(reference);
        if (authority == null) {
            return List.of();
        }
        try {
            return authority.trustedRoots();
        } catch (RuntimeException notOpenYet) {
            return List.of();
        } finally {
            context.ungetService(reference);
        }
    }

    @Deactivate
    void close() {
        signer.shutdownNow();
        log.close();
    }

    CtLog log() {
        return log;
    }

    @Override
    public SignedCertificateTimestamp addChain(List<X509Certificate> chain) throws LogException {
        return log.addChain(chain);
    }

    @Override
    public SignedCertificateTimestamp addPreChain(List<X509Certificate> chain) throws LogException {
        return log.addPreChain(chain);
    }

    @Override
    public SignedTreeHead latestTreeHead() {
        return log.latestTreeHead();
    }

    @Override
    public List<byte[]> consistencyProof(long first, long second) throws LogException {
        return log.consistencyProof(first, second);
    }

    @Override
    public InclusionProof inclusionProof(byte[] leafHash, long treeSize) throws LogException {
        return log.inclusionProof(leafHash, treeSize);
    }

    @Override
    public List<LogEntry> entries(long start, long end) throws LogException {
        return log.entries(start, end);
    }

    @Override
    public List<X509Certificate> acceptedRoots() {
        return log.acceptedRoots();
    }

    @Override
    public LogIdentity identity() {
        return log.identity();
    }

    @Override
    public EmbeddedSctVerdict verifyEmbeddedScts(List<X509Certificate> chain) {
        return log.verifyEmbeddedScts(chain);
    }
}
