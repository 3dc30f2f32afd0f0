package network.internet2.hypermesh.consensus.internal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import network.internet2.hypermesh.proof.Challenge;
import network.internet2.hypermesh.proof.ConsensusProof;
import network.internet2.hypermesh.proof.ConsensusStatus;
import network.internet2.hypermesh.proof.ConsensusStatus.Quarantine;
import network.internet2.hypermesh.proof.Operation;
import network.internet2.hypermesh.proof.Proof;
import network.internet2.hypermesh.proof.ProofEngine;
import network.internet2.hypermesh.proof.ProofException;
import network.internet2.hypermesh.proof.Verdict;
import network.internet2.trustchain.ca.NodeCertificate;

/**
 * Consensus without OSGi: proves operations with the engines the policy
 * requires and validates consensus proofs.
 *
 * <p>Validation, in order: the proof's record matches its encoding; its node
 * is not quarantined; it is bound to this operation; it is fresh; its leaf
 * certificate names its node and the certificate check passes; the node's
 * signature holds; it carries exactly the required proof types, each of whose
 * engines is installed and accepts it; it took no longer than the validation
 * timeout; and it was not accepted before. Failures after the signature is
 * found good count against the node (a forger cannot get a node quarantined);
 * {@code quarantine.failures} in a row quarantine it.
 */
final class ConsensusCore {

    /** The timings' name for the whole consensus proof, next to each proof type's. */
    static final String WHOLE = "consensus";

    /** Checks a node's certificate chain: empty if it holds, or why not. */
    interface ChainCheck {
        Optional<String> refuse(List<X509Certificate> chain, String nodeIdentity);
    }

    private final ConsensusPolicy policy;
    private final Function<String, ProofEngine> engines;
    private final Supplier<List<String>> installedTypes;
    private final Supplier<NodeCertificate> node;
    private final ChainCheck chainCheck;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ReplayGuard replays;
    private final QuarantineList quarantine;
    private final Timings proveTimings = new Timings();
    private final Timings verifyTimings = new Timings();
    private final AtomicLong proved = new AtomicLong();
    private final AtomicLong validated = new AtomicLong();
    private final Map<Refusal, AtomicLong> refusals = new EnumMap<>(Refusal.class);
    private volatile ConsensusObserver observer = ConsensusObserver.NONE;

    /**
     * @param engines        the installed engine of a type, or {@code null}
     * @param installedTypes the types whose engines are installed
     * @param node           the node's certificate and key now, or {@code null} while it has none
     */
    ConsensusCore(ConsensusPolicy policy, Function<String, ProofEngine> engines, Supplier<List<String>> installedTypes,
            Supplier<NodeCertificate> node, ChainCheck chainCheck, Clock clock) {
        this.policy = policy;
        this.engines = engines;
        this.installedTypes = installedTypes;
        this.node = node;
        this.chainCheck = chainCheck;
        this.clock = clock;
        this.replays = new ReplayGuard(policy.replayCapacity(), policy.maxAge().plus(policy.maxSkew()).toMillis());
        this.quarantine = new QuarantineList(policy.quarantineFailures(), policy.quarantineDuration(), clock);
        for (Refusal refusal : Refusal.values()) {
            refusals.put(refusal, new AtomicLong());
        }
    }

    /** Tells {@code observer} of every proof made and checked from now on. */
    void observe(ConsensusObserver observer) {
        this.observer = observer;
    }

    /** Stops telling {@code observer}, if it is the one told. */
    void stopObserving(ConsensusObserver observer) {
        if (this.observer == observer) {
            this.observer = ConsensusObserver.NONE;
        }
    }

    ConsensusProof prove(Operation operation) throws ProofException {
        long started = System.nanoTime();
        List<ProofEngine> required = new ArrayList<>();
        for (String type : policy.requiredTypes()) {
            ProofEngine engine = engines.apply(type);
            if (engine == null) {
                throw new ProofException("proof type " + type + " unavailable: install the proof-" + type
                        + " feature (the policy requires " + String.join(", ", policy.requiredTypes()) + ")");
            }
            required.add(engine);
        }
        NodeCertificate certificate = node.get();
        if (certificate == null) {
            throw new ProofException("the node has no certificate yet to sign consensus proofs with (is the "
                    + "TrustChain CA running?)");
        }
        String identity = NodeSignatures.identity(certificate.chain().get(0)).orElseThrow(() -> new ProofException(
                "the node certificate names no DNS identity"));
        byte[] id = bytes(ProofCodec.ID_BYTES);
        byte[] nonce = bytes(ProofCodec.NONCE_BYTES);
        byte[] operationHash = Hashes.operation(operation);
        long epochMillis = clock.millis();
        List<Proof> proofs = new ArrayList<>();
        for (ProofEngine engine : required) {
            String type = engine.type();
            long engineStarted = System.nanoTime();
            Proof proof = engine.prove(new Challenge(operationHash, identity, nonce,
                    Hashes.challenge(type, operationHash, identity, nonce, epochMillis)));
            long engineNanos = System.nanoTime() - engineStarted;
            proveTimings.record(type, engineNanos);
            observer.partProved(type, engineNanos);
            if (!type.equals(proof.type())) {
                throw new ProofException("the " + type + " engine answered with a " + proof.type() + " proof");
            }
            proofs.add(proof);
        }
        ProofCodec.Unsigned unsigned = new ProofCodec.Unsigned(id, operationHash, identity, epochMillis, nonce,
                certificate.chain(), proofs);
        byte[] signed = ProofCodec.signedPart(unsigned);
        ConsensusProof proof = ProofCodec.assemble(unsigned, signed, NodeSignatures.sign(certificate.privateKey(),
                signed));
        long tookNanos = System.nanoTime() - started;
        proveTimings.record(WHOLE, tookNanos);
        observer.consensusProved(tookNanos);
        proved.incrementAndGet();
        return proof;
    }

    Verdict validate(Operation operation, ConsensusProof presented) {
        long started = System.nanoTime();
        Verdict verdict = check(operation, presented, started);
        long tookNanos = System.nanoTime() - started;
        if (verdict.valid()) {
            verifyTimings.record(WHOLE, tookNanos);
            validated.incrementAndGet();
        }
        observer.consensusValidated(verdict.valid(), tookNanos);
        return verdict;
    }

    private Verdict check(Operation operation, ConsensusProof presented, long started) {
        SignedProof decoded;
        try {
            decoded = ProofCodec.decode(presented.encoded());
        } catch (ProofException e) {
            return refused(Refusal.MALFORMED, e.getMessage());
        }
        if (!sameAsEncoded(presented, decoded.proof())) {
            return refused(Refusal.MISMATCHED, "the proof's fields differ from its encoding");
        }
        ConsensusProof proof = decoded.proof();
        String identity = proof.nodeIdentity();
        Optional<Quarantine> quarantined = quarantine.current(identity);
        if (quarantined.isPresent()) {
            return refused(Refusal.QUARANTINED, "node " + identity + " is quarantined until "
                    + quarantined.get().until() + ": " + quarantined.get().reason());
        }
        if (!MessageDigest.isEqual(proof.operationHash(), Hashes.operation(operation))) {
            return refused(Refusal.ANOTHER_OPERATION, "the proof is bound to another operation");
        }
        long now = clock.millis();
        if (proof.epochMillis() < now - policy.maxAge().toMillis()) {
            return refused(Refusal.STALE, "the proof is stale: made " + (now - proof.epochMillis()) + " ms ago, the "
                    + "limit is " + policy.maxAge().toMillis() + " ms");
        }
        if (proof.epochMillis() > now + policy.maxSkew().toMillis()) {
            return refused(Refusal.FUTURE, "the proof is from the future: " + (proof.epochMillis() - now)
                    + " ms ahead");
        }
        X509Certificate leaf = decoded.chain().get(0);
        if (!NodeSignatures.identity(leaf).map(identity::equals).orElse(false)) {
            return refused(Refusal.ANOTHER_NODE, "the proof's certificate does not name its node " + identity);
        }
        Optional<String> chainRefusal = chainCheck.refuse(decoded.chain(), identity);
        if (chainRefusal.isPresent()) {
            return refused(Refusal.CERTIFICATE, "the node's certificate is refused: " + chainRefusal.get());
        }
        if (!NodeSignatures.verify(leaf.getPublicKey(), decoded.signedBytes(), proof.signature())) {
            return refused(Refusal.SIGNATURE, "the node's signature does not verify");
        }
        Optional<Failure> failure = verifyProofs(proof);
        if (failure.isPresent()) {
            return counted(identity, failure.get().refusal(), failure.get().reason());
        }
        long tookNanos = System.nanoTime() - started;
        if (tookNanos > policy.validationTimeout().toNanos()) {
            return counted(identity, Refusal.TOO_SLOW, "validation took " + tookNanos / 1_000_000 + " ms, over the "
                    + policy.validationTimeout().toMillis() + " ms limit");
        }
        if (replays.seenBefore(proof.id(), proof.epochMillis(), now)) {
            return refused(Refusal.REPLAYED, "consensus proof " + proof.id() + " was presented before");
        }
        quarantine.passed(identity);
        return Verdict.ok();
    }

    /** A refusal found among the parts, with the reason the caller reads. */
    private record Failure(Refusal refusal, String reason) {
    }

    private Optional<Failure> verifyProofs(ConsensusProof proof) {
        List<String> carried = proof.proofs().stream().map(Proof::type).toList();
        for (String type : carried) {
            if (!policy.requiredTypes().contains(type)) {
                return Optional.of(new Failure(Refusal.UNLISTED_PROOF, "the proof carries a " + type
                        + " proof the policy does not name"));
            }
        }
        for (String type : policy.requiredTypes()) {
            if (!carried.contains(type)) {
                return Optional.of(new Failure(Refusal.MISSING_PROOF, "the proof lacks the required " + type
                        + " proof"));
            }
        }
        for (Proof part : proof.proofs()) {
            ProofEngine engine = engines.apply(part.type());
            if (engine == null) {
                return Optional.of(new Failure(Refusal.ENGINE_UNAVAILABLE, "proof type " + part.type()
                        + " unavailable"));
            }
            long started = System.nanoTime();
            Verdict verdict;
            try {
                verdict = engine.verify(new Challenge(proof.operationHash(), proof.nodeIdentity(), proof.nonce(),
                        Hashes.challenge(part.type(), proof.operationHash(), proof.nodeIdentity(), proof.nonce(),
                                proof.epochMillis())), part);
            } catch (RuntimeException e) {
                verdict = Verdict.refused("the engine failed: " + e);
            }
            long tookNanos = System.nanoTime() - started;
            verifyTimings.record(part.type(), tookNanos);
            observer.partVerified(part.type(), verdict.valid(), tookNanos);
            if (!verdict.valid()) {
                return Optional.of(new Failure(Refusal.PROOF_REFUSED, part.type() + ": " + verdict.reason()));
            }
        }
        return Optional.empty();
    }

    ConsensusProof decode(byte[] encoded) throws ProofException {
        return ProofCodec.decode(encoded).proof();
    }

    ConsensusStatus status() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        refusals.forEach((refusal, count) -> {
            if (count.get() > 0) {
                counts.put(refusal.key(), count.get());
            }
        });
        return new ConsensusStatus(policy.requiredTypes(), installedTypes.get(), quarantine.all(), proved.get(),
                validated.get(), counts, proveTimings.summary(), verifyTimings.summary());
    }

    ConsensusPolicy policy() {
        return policy;
    }

    /** @return how many proofs were refused for {@code refusal} since start */
    long refusals(Refusal refusal) {
        return refusals.get(refusal).get();
    }

    /** @return how many nodes are in quarantine now */
    int quarantinedNodes() {
        return quarantine.all().size();
    }

    /** Refuses a proof whose node signed it, counting the failure against that node. */
    private Verdict counted(String identity, Refusal refusal, String reason) {
        quarantine.failed(identity, reason);
        return refused(refusal, reason);
    }

    private Verdict refused(Refusal refusal, String reason) {
        refusals.get(refusal).incrementAndGet();
        return Verdict.refused(reason);
    }

    private static boolean sameAsEncoded(ConsensusProof presented, ConsensusProof decoded) {
        if (!presented.id().equals(decoded.id()) || !presented.nodeIdentity().equals(decoded.nodeIdentity())
                || presented.epochMillis() != decoded.epochMillis()
                || !Arrays.equals(presented.operationHash(), decoded.operationHash())
                || !Arrays.equals(presented.nonce(), decoded.nonce())
                || !Arrays.equals(presented.signature(), decoded.signature())
                || presented.proofs().size() != decoded.proofs().size()) {
            return false;
        }
        for (int i = 0; i < presented.proofs().size(); i++) {
            Proof a = presented.proofs().get(i);
            Proof b = decoded.proofs().get(i);
            if (!a.type().equals(b.type()) || !Arrays.equals(a.encoded(), b.encoded())) {
                return false;
            }
        }
        return true;
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
