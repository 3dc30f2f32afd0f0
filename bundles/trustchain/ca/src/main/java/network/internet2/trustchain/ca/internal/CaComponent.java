package network.internet2.trustchain.ca.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import network.internet2.trustchain.ca.CaException;
import network.internet2.hypermesh.proof.ConsensusService;
import network.internet2.trustchain.ca.CertificateAuthority;
import network.internet2.trustchain.ca.CertificateRequest;
import network.internet2.trustchain.ca.IssuedCertificate;
import network.internet2.trustchain.ca.RevocationReason;
import network.internet2.trustchain.ca.ValidationResult;
import network.internet2.trustchain.crypto.CryptoSuite;

/**
 * The CA as an OSGi service. Crypto suites are tracked live; the CA opens (and
 * on first start bootstraps) as soon as the suites it needs are present, so
 * installing {@code crypto-pq} after the CA restores issuance without a restart.
 */
@Component(service = CertificateAuthority.class, configurationPid = CaComponent.PID, immediate = true)
@Designate(ocd = CaComponent.Config.class)
public class CaComponent implements CertificateAuthority, MeasuredAuthority {

    static final String PID = "network.internet2.trustchain.ca";

    @ObjectClassDefinition(name = "Internet 2.0 TrustChain CA",
            description = "The node's embedded certificate authority (hybrid classical + FALCON-1024).")
    @interface Config {
        @AttributeDefinition(description = "DNS zone every certified name must lie in")
        String zone() default "internet2.network";

        @AttributeDefinition(description = "Where keys, certificates and the journal live; "
                + "empty means ${karaf.data}/internet2/ca")
        String storage_directory() default "";

        @AttributeDefinition(description = "File with the key-encryption passphrase, created (mode 0600) "
                + "if missing; empty means ${karaf.data}/internet2/secrets/ca.passphrase")
        String passphrase_file() default "";

        @AttributeDefinition(description = "Default validity of issued certificates, in hours "
                + "(renewal happens at two thirds of it)")
        long leaf_validity_hours() default 24;

        @AttributeDefinition(description = "Validity of an intermediate CA, in days")
        long intermediate_validity_days() default 90;

        @AttributeDefinition(description = "Validity of the root CA, in days")
        long root_validity_days() default 3650;

        @AttributeDefinition(description = "Require a FALCON-1024 alternative signature on every certificate; "
                + "only a development profile should turn this off")
        boolean require_post_quantum() default true;

        @AttributeDefinition(description = "Issue only through the Certificate Transparency log: every leaf is "
                + "logged as a precertificate and carries its SCT; without the log, issuance fails. When false, "
                + "certificates are still logged while the log is installed, and issued without SCTs otherwise")
        boolean require_certificate_transparency() default true;

        @AttributeDefinition(description = "Rotate the intermediate automatically at two thirds of its validity, "
                + "keeping the old one valid until it expires")
        boolean enable_auto_rotation() default true;

        @AttributeDefinition(description = "How often to check whether the intermediate is due for rotation, "
                + "in minutes")
        long rotation_check_minutes() default 60;

        @AttributeDefinition(description = "Issue only with a HyperMesh consensus proof for each request (the "
                + "node's own certificate excepted); without a consensus service, issuance then fails")
        boolean require_consensus() default false;
    }

    private static final Logger LOG = LoggerFactory.getLogger(CaComponent.class);

    private final SuiteRegistry suites = new SuiteRegistry();
    private final CaSettings settings;
    private final ScheduledExecutorService rotation;
    private volatile HybridCertificateAuthority ca;
    private CaOperationObserver observer = CaOperationObserver.NONE;
    private final PrecertificateLog transparency;
    private final IssuanceConsensus consensus;
    private volatile ConsensusService consensusService;

    @Activate
    public CaComponent(BundleContext context, Config config) {
        this.transparency = new LoggingThroughTransparencyLog(context, config.require_certificate_transparency());
        this.consensus = new IssuanceConsensus(config.require_consensus(), () -> consensusService);
        Path data = Path.of(context.getProperty("karaf.data") != null ? context.getProperty("karaf.data") : "data",
                "internet2");
        this.settings = new CaSettings(
                config.storage_directory().isBlank() ? data.resolve("ca") : Path.of(config.storage_directory()),
                config.passphrase_file().isBlank() ? data.resolve("secrets").resolve("ca.passphrase")
                        : Path.of(config.passphrase_file()),
                config.zone(), positive(Duration.ofHours(config.leaf_validity_hours()), "leaf.validity.hours"),
                positive(Duration.ofDays(config.intermediate_validity_days()), "intermediate.validity.days"),
                positive(Duration.ofDays(config.root_validity_days()), "root.validity.days"),
                config.require_post_quantum());
        if (config.enable_auto_rotation()) {
            long minutes = positive(Duration.ofMinutes(config.rotation_check_minutes()), "rotation.check.minutes")
                    .toMinutes();
            this.rotation = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "internet2-ca-rotation");
                thread.setDaemon(true);
                return thread;
            });
            rotation.scheduleWithFixedDelay(this::rotateIfDue, minutes, minutes, TimeUnit.MINUTES);
        } else {
            this.rotation = null;
        }
    }

    private void rotateIfDue() {
        try {
            HybridCertificateAuthority open = ca();
            if (open.rotateIfDue()) {
                LOG.info("TrustChain CA rotated its intermediate; new certificates are issued under {}",
                        open.issuingChain().get(0).getSubjectX500Principal());
            }
        } catch (CaException | RuntimeException e) {
            LOG.warn("TrustChain CA intermediate rotation check failed ({}); it is retried at the next check",
                    e.getMessage());
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addSuite(CryptoSuite suite) {
        suites.add(suite);
        openWhenReady();
    }

    /** Bootstraps (first start) or reopens the CA as soon as the suites it needs are there. */
    private synchronized void openWhenReady() {
        boolean ready = suites.has(CryptoSuite.CLASSICAL)
                && (suites.has(CryptoSuite.POST_QUANTUM) || !settings.requirePostQuantum());
        if (ca == null && ready) {
            try {
                ca();
            } catch (CaException e) {
                LOG.warn("TrustChain CA cannot open: {}; fix that and the next CA operation retries", e.getMessage());
            }
        }
    }

    void removeSuite(CryptoSuite suite) {
        suites.remove(suite);
    }

    @Deactivate
    synchronized void deactivate() {
        if (rotation != null) {
            rotation.shutdownNow();
        }
        if (ca != null) {
            try {
                ca.close();
            } catch (IOException e) {
                LOG.warn("closing the CA journal failed ({}); its content is synced, nothing is lost", e.getMessage());
            }
            ca = null;
        }
    }

    /** The open CA, opening (or bootstrapping) it first if needed. */
    private synchronized HybridCertificateAuthority ca() throws CaException {
        if (ca == null) {
            ca = HybridCertificateAuthority.open(settings, suites, Clock.systemUTC(), transparency);
            ca.observe(observer);
            LOG.info("TrustChain CA open in {}: root {}", settings.directory(),
                    ca.root().getSubjectX500Principal());
        }
        return ca;
    }

    // --- MeasuredAuthority (for CaMetrics): reads never open the CA

    @Override
    public synchronized void observe(CaOperationObserver next) {
        observer = next == null ? CaOperationObserver.NONE : next;
        if (ca != null) {
            ca.observe(observer);
        }
    }

    @Override
    public long activeCertificates() {
        HybridCertificateAuthority open = ca;
        return open == null ? -1 : open.activeCertificates();
    }

    @Override
    public long revocations() {
        HybridCertificateAuthority open = ca;
        return open == null ? -1 : open.revocations();
    }

    private static Duration positive(Duration duration, String key) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, not " + duration);
        }
        return duration;
    }

    @Override
    public IssuedCertificate issue(CertificateRequest request) throws CaException {
        consensus.check(request.pkcs10());
        return ca().issue(request);
    }

    /** Issues the node's own certificate, which consensus proofs are signed with: no consensus proof asked. */
    IssuedCertificate issueNodeCertificate(CertificateRequest request) throws CaException {
        return ca().issue(request);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setConsensus(ConsensusService service) {
        consensusService = service;
    }

    void unsetConsensus(ConsensusService service) {
        if (consensusService == service) {
            consensusService = null;
        }
    }

    @Override
    public IssuedCertificate renew(BigInteger serial) throws CaException {
        return ca().renew(serial);
    }

    @Override
    public IssuedCertificate revoke(BigInteger serial, RevocationReason reason) throws CaException {
        return ca().revoke(serial, reason);
    }

    @Override
    public Optional<IssuedCertificate> find(BigInteger serial) {
        return openOrExplain().find(serial);
    }

    @Override
    public List<IssuedCertificate> list() {
        return openOrExplain().list();
    }

    @Override
    public X509Certificate root() {
        return openOrExplain().root();
    }

    @Override
    public List<X509Certificate> issuingChain() {
        return openOrExplain().issuingChain();
    }

    @Override
    public X509CRL crl() throws CaException {
        return ca().crl();
    }

    @Override
    public ValidationResult validate(List<X509Certificate> chain, String expectedName) {
        try {
            return ca().validate(chain, expectedName);
        } catch (CaException e) {
            return new ValidationResult(List.of(new ValidationResult.Check("ca.available", false,
                    "the CA is not open: " + e.getMessage())));
        }
    }

    @Override
    public void rotateIntermediate() throws CaException {
        ca().rotateIntermediate();
    }

    @Override
    public void rotateRoot() throws CaException {
        ca().rotateRoot();
    }

    @Override
    public List<X509Certificate> trustedRoots() {
        return openOrExplain().trustedRoots();
    }

    @Override
    public List<X509Certificate> crossCertificates() {
        return openOrExplain().crossCertificates();
    }

    /** The open CA; for methods that cannot throw a checked exception, why it is not open. */
    private HybridCertificateAuthority openOrExplain() {
        try {
            return ca();
        } catch (CaException e) {
            throw new IllegalStateException("the CA is not open: " + e.getMessage(), e);
        }
    }
}
