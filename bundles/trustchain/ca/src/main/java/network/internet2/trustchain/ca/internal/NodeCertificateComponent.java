package network.internet2.trustchain.ca.internal;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import network.internet2.trustchain.ca.CaException;
import network.internet2.trustchain.ca.CaUnavailableException;
import network.internet2.trustchain.ca.CertificateAuthority;
import network.internet2.trustchain.ca.CertificateRequest;
import network.internet2.trustchain.ca.IssuedCertificate;
import network.internet2.trustchain.ca.NodeCertificate;
import network.internet2.trustchain.ca.NodeCertificateProvider;
import network.internet2.trustchain.crypto.Algorithms;
import network.internet2.trustchain.crypto.CryptoException;
import network.internet2.trustchain.crypto.CryptoSuite;
import network.internet2.trustchain.ct.TransparencyLog;

/**
 * The node's own certificate: fresh classical and FALCON-1024 keys, a hybrid
 * request to the CA at start, and a renewal (with new keys) at two thirds of
 * the lifetime, retried every minute while it fails. Consumers call
 * {@link #current()} per use, so a renewal takes effect without a restart.
 */
@Component(service = NodeCertificateProvider.class, configurationPid = NodeCertificateComponent.PID, immediate = true)
@Designate(ocd = NodeCertificateComponent.Config.class)
public class NodeCertificateComponent implements NodeCertificateProvider {

    static final String PID = "network.internet2.trustchain.node";

    @ObjectClassDefinition(name = "Internet 2.0 node certificate",
            description = "The node's own hybrid certificate, issued by the embedded CA and renewed automatically.")
    @interface Config {
        @AttributeDefinition(description = "This node's name: a DNS label; the certificate names <node>.<zone>")
        String node_name() default "node1";

        @AttributeDefinition(description = "The zone the node's names live in")
        String zone() default "internet2.network";

        @AttributeDefinition(description = "Service names under the zone the node also answers for")
        String[] service_names() default {"stoq", "ca", "ct", "dns", "api"};

        @AttributeDefinition(description = "Validity of the node certificate in hours; 0 uses the CA's default")
        long validity_hours() default 0;
    }

    private static final Logger LOG = LoggerFactory.getLogger(NodeCertificateComponent.class);
    private static final Duration RETRY = Duration.ofMinutes(1);

    private final CertificateAuthority ca;
    private final SuiteLookup suites;
    private final List<String> names;
    private final Duration validity;
    private final AtomicReference<NodeCertificate> current = new AtomicReference<>();
    private final ScheduledExecutorService scheduler;

    @Activate
    public NodeCertificateComponent(@Reference CertificateAuthority ca,
            @Reference(target = "(" + CryptoSuite.SUITE_PROPERTY + "=" + CryptoSuite.CLASSICAL + ")")
            CryptoSuite classical,
            @Reference(target = "(" + CryptoSuite.SUITE_PROPERTY + "=" + CryptoSuite.POST_QUANTUM + ")")
            CryptoSuite postQuantum,
            // the node's certificate is issued through the CT log (peers check its SCT at the handshake):
            // this component waits for the log, and is renewed when the log is replaced
            @Reference TransparencyLog transparencyLog, Config config) throws CaException {
        this.ca = ca;
        this.suites = id -> {
            if (CryptoSuite.CLASSICAL.equals(id)) {
                return classical;
            }
            if (CryptoSuite.POST_QUANTUM.equals(id)) {
                return postQuantum;
            }
            throw new CaUnavailableException("crypto suite " + id + " is not available");
        };
        this.names = names(config);
        this.validity = config.validity_hours() > 0 ? Duration.ofHours(config.validity_hours()) : null;
        renew();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "internet2-node-certificate-renewal");
            thread.setDaemon(true);
            return thread;
        });
        scheduleRenewal();
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
    }

    @Override
    public NodeCertificate current() {
        return current.get();
    }

    private void renew() throws CaException {
        KeyPair classical;
        KeyPair falcon;
        try {
            classical = suites.suite(CryptoSuite.CLASSICAL).generateKeyPair(Algorithms.ECDSA_P256);
            falcon = suites.suite(CryptoSuite.POST_QUANTUM).generateKeyPair(Algorithms.FALCON_1024);
        } catch (CryptoException e) {
            throw new CaException("cannot generate the node's keys: " + e.getMessage(), e);
        }
        CertificateRequest request = new CertificateRequest(NodeCsr.hybrid(names, classical, falcon, suites), validity);
        // the node's own certificate signs consensus proofs, so it cannot wait for one
        IssuedCertificate issued = ca instanceof CaComponent own ? own.issueNodeCertificate(request)
                : ca.issue(request);
        List<java.security.cert.X509Certificate> chain = new ArrayList<>();
        chain.add(issued.certificate());
        chain.addAll(issued.chain());
        current.set(new NodeCertificate(chain, classical.getPrivate(), falcon.getPrivate()));
        LOG.info("node certificate {} for {} valid until {}", issued.serial().toString(16), names,
                issued.certificate().getNotAfter().toInstant());
    }

    private void scheduleRenewal() {
        Instant notBefore = current.get().certificate().getNotBefore().toInstant();
        Instant notAfter = current.get().certificate().getNotAfter().toInstant();
        Instant due = notBefore.plus(Duration.between(notBefore, notAfter).multipliedBy(2).dividedBy(3));
        schedule(Duration.between(Instant.now(), due));
    }

    private void schedule(Duration delay) {
        scheduler.schedule(() -> {
            try {
                renew();
                scheduleRenewal();
            } catch (CaException | RuntimeException e) {
                LOG.warn("node certificate renewal failed ({}); retrying in {} while the current one is valid until {}",
                        e.getMessage(), RETRY, current.get().certificate().getNotAfter().toInstant());
                schedule(RETRY);
            }
        }, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    static List<String> names(Config config) {
        String zone = CsrReview.canonical(config.zone());
        String node = config.node_name().trim().toLowerCase(java.util.Locale.ROOT);
        if (!node.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")) {
            throw new IllegalArgumentException("node.name '" + config.node_name() + "' is not a DNS label");
        }
        List<String> names = new ArrayList<>();
        names.add(node + "." + zone);
        for (String service : config.service_names()) {
            names.add(service.trim().toLowerCase(java.util.Locale.ROOT) + "." + zone);
        }
        return names;
    }
}
