package network.internet2.hypermesh.consensus.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import network.internet2.hypermesh.proof.ConsensusProof;
import network.internet2.hypermesh.proof.ConsensusService;
import network.internet2.hypermesh.proof.ConsensusStatus;
import network.internet2.hypermesh.proof.Operation;
import network.internet2.hypermesh.proof.ProofEngine;
import network.internet2.hypermesh.proof.ProofException;
import network.internet2.hypermesh.proof.Verdict;
import network.internet2.trustchain.ca.CertificateAuthority;
import network.internet2.trustchain.ca.NodeCertificate;
import network.internet2.trustchain.ca.NodeCertificateProvider;
import network.internet2.trustchain.ca.ValidationResult;

/**
 * The node's {@link ConsensusService}: tracks every {@link ProofEngine} by its
 * {@value ProofEngine#TYPE_PROPERTY} (engines come and go with their
 * features), signs with the node certificate and checks presented
 * certificates through the TrustChain CA. See {@link ConsensusCore} for what a
 * validation checks.
 */
@Component(service = ConsensusService.class, configurationPid = ConsensusComponent.PID, immediate = true)
@Designate(ocd = ConsensusComponent.Config.class)
public class ConsensusComponent implements ConsensusService {

    static final String PID = "network.internet2.hypermesh.consensus";

    @ObjectClassDefinition(name = "Internet 2.0 HyperMesh consensus",
            description = "Which proofs every asset operation must carry, and how they are validated.")
    @interface Config {
        @AttributeDefinition(description = "Require all four proofs: space, stake, work and time (the seed's "
                + "mandatory_four_proof; production default)")
        boolean mandatory_four_proof() default true;

        @AttributeDefinition(description = "Further proof types required (or, without mandatory.four.proof, "
                + "the only ones), e.g. work; a type installed as a bundle is used once it is named here",
                required = false)
        String[] proof_types() default {};

        @AttributeDefinition(description = "Longest a validation may take, in milliseconds (the seed's "
                + "validation_timeout)", min = "1")
        long validation_timeout_ms() default 100;

        @AttributeDefinition(description = "Oldest a consensus proof may be, in seconds", min = "1")
        long max_age_seconds() default 300;

        @AttributeDefinition(description = "How far ahead of this node's clock a proof's time may be, in seconds",
                min = "0")
        long max_skew_seconds() default 30;

        @AttributeDefinition(description = "Failed validations in a row of proofs a node signed that quarantine "
                + "it", min = "1")
        int quarantine_failures() default 5;

        @AttributeDefinition(description = "How long a quarantine lasts, in seconds", min = "1")
        long quarantine_seconds() default 600;

        @AttributeDefinition(description = "How many accepted proof ids are remembered against replays", min = "1")
        int replay_capacity() default 100_000;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ConsensusComponent.class);

    private final Map<String, ProofEngine> engines = new ConcurrentSkipListMap<>();
    private final ConsensusCore core;
    private volatile NodeCertificateProvider nodeCertificates;
    private volatile CertificateAuthority authority;

    @Activate
    public ConsensusComponent(Config config) {
        ConsensusPolicy policy = new ConsensusPolicy(
                ConsensusPolicy.requiredTypes(config.mandatory_four_proof(), config.proof_types()),
                Duration.ofMillis(config.validation_timeout_ms()), Duration.ofSeconds(config.max_age_seconds()),
                Duration.ofSeconds(config.max_skew_seconds()), config.quarantine_failures(),
                Duration.ofSeconds(config.quarantine_seconds()), config.replay_capacity());
        this.core = new ConsensusCore(policy, engines::get, () -> List.copyOf(engines.keySet()), this::nodeCertificate,
                this::checkChain, Clock.systemUTC());
        LOG.info("Consensus requires {} proofs, validation within {} ms", policy.requiredTypes(),
                policy.validationTimeout().toMillis());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addEngine(ProofEngine engine, Map<String, Object> properties) {
        String type = String.valueOf(properties.getOrDefault(ProofEngine.TYPE_PROPERTY, engine.type()));
        if (!type.equals(engine.type())) {
            LOG.warn("Proof engine {} registers {}={} but proves {}; it is ignored", engine,
                    ProofEngine.TYPE_PROPERTY, type, engine.type());
            return;
        }
        if (engines.putIfAbsent(type, engine) != null) {
            LOG.warn("A second {} proof engine ({}) is ignored", type, engine);
        } else {
            LOG.info("Proof engine {} is available", type);
        }
    }

    void removeEngine(ProofEngine engine, Map<String, Object> properties) {
        if (engines.remove(engine.type(), engine)) {
            LOG.info("Proof engine {} is gone; operations that require it fail until it is back", engine.type());
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setNodeCertificates(NodeCertificateProvider provider) {
        nodeCertificates = provider;
    }

    void unsetNodeCertificates(NodeCertificateProvider provider) {
        if (nodeCertificates == provider) {
            nodeCertificates = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setAuthority(CertificateAuthority ca) {
        authority = ca;
    }

    void unsetAuthority(CertificateAuthority ca) {
        if (authority == ca) {
            authority = null;
        }
    }

    private NodeCertificate nodeCertificate() {
        NodeCertificateProvider provider = nodeCertificates;
        return provider == null ? null : provider.current();
    }

    private Optional<String> checkChain(List<java.security.cert.X509Certificate> chain, String identity) {
        CertificateAuthority ca = authority;
        if (ca == null) {
            return Optional.of("the TrustChain CA is not installed to validate it");
        }
        ValidationResult result = ca.validate(chain, identity);
        return result.valid() ? Optional.empty() : Optional.of(result.failures().stream()
                .map(check -> check.name() + ": " + check.detail()).reduce((a, b) -> a + "; " + b).orElse("invalid"));
    }

    /** @return the consensus core, for the metrics */
    ConsensusCore core() {
        return core;
    }

    @Override
    public ConsensusProof prove(Operation operation) throws ProofException {
        return core.prove(operation);
    }

    @Override
    public Verdict validate(Operation operation, ConsensusProof proof) {
        return core.validate(operation, proof);
    }

    @Override
    public ConsensusProof decode(byte[] encoded) throws ProofException {
        return core.decode(encoded);
    }

    @Override
    public ConsensusStatus status() {
        return core.status();
    }
}
