package network.internet2.hypermesh.proof.work.internal;

import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import network.internet2.hypermesh.proof.Challenge;
import network.internet2.hypermesh.proof.Proof;
import network.internet2.hypermesh.proof.ProofEngine;
import network.internet2.hypermesh.proof.ProofException;
import network.internet2.hypermesh.proof.Verdict;

/**
 * Proof of work: a {@link HashPuzzle} over the challenge value at the
 * configured difficulty. Stateless apart from its settings; any number of
 * threads may prove and verify at once. A configuration change restarts the
 * component.
 */
@Component(service = ProofEngine.class, property = ProofEngine.TYPE_PROPERTY + "=" + ProofEngine.WORK,
        configurationPid = WorkProofEngine.PID)
@Designate(ocd = WorkProofEngine.Config.class)
public class WorkProofEngine implements ProofEngine {

    static final String PID = "network.internet2.hypermesh.proof.work";
    /** The largest challenge value the engine hashes. */
    static final int MAX_VALUE_BYTES = 4096;

    /** The work engine's settings (PID {@value #PID}). */
    @ObjectClassDefinition(name = "Internet 2.0 HyperMesh proof of work",
            description = "A SHA-256 hash puzzle bound to each operation's challenge. Proving costs 2^difficulty.bits "
                    + "hashes on average; verifying costs one.")
    @interface Config {
        @AttributeDefinition(description = "Leading zero bits this node's proofs have. Expected cost 2^bits hashes "
                + "(16: about 10 ms on one core, the development default; production 22-24: 0.5-2 s). At most 48",
                min = "1", max = "48")
        int difficulty_bits() default 16;

        @AttributeDefinition(description = "Fewest leading zero bits a proof must have to be accepted; 0 means "
                + "difficulty.bits. Must not exceed difficulty.bits", min = "0", max = "48")
        int min_difficulty_bits() default 0;

        @AttributeDefinition(description = "Most hashes one proof may take before the prover gives up; 0 means 64 "
                + "times the expected 2^difficulty.bits (exceeded with probability e^-64)", min = "0")
        long max_attempts() default 0;

        @AttributeDefinition(description = "Longest one proof may take before the prover gives up, in "
                + "milliseconds", min = "1")
        long max_millis() default 30_000;
    }

    private static final Logger LOG = LoggerFactory.getLogger(WorkProofEngine.class);

    private final WorkSettings settings;
    private volatile boolean stopped;

    @Activate
    public WorkProofEngine(Config config) {
        this(WorkSettings.from(config));
    }

    WorkProofEngine(WorkSettings settings) {
        this.settings = settings;
        LOG.info("Proof of work at {} bits (about {} hashes per proof), accepting {} bits or more",
                settings.difficultyBits(), 1L << settings.difficultyBits(), settings.minDifficultyBits());
    }

    /** Makes proofs under way give up, so that no thread keeps hashing for a stopped bundle. */
    @Deactivate
    void deactivate() {
        stopped = true;
    }

    @Override
    public String type() {
        return WORK;
    }

    @Override
    public Proof prove(Challenge challenge) throws ProofException {
        if (stopped) {
            throw new ProofException("the work engine is stopped");
        }
        if (challenge == null) {
            throw new ProofException("cannot prove work without a challenge");
        }
        byte[] value = challenge.value();
        if (!fits(value)) {
            throw new ProofException("cannot prove work for a challenge value of " + value.length + " bytes (1 to "
                    + MAX_VALUE_BYTES + ")");
        }
        long started = System.nanoTime();
        HashPuzzle puzzle = new HashPuzzle(value, settings.difficultyBits());
        long counter = puzzle.solve(settings.maxAttempts(),
                started + TimeUnit.MILLISECONDS.toNanos(settings.maxMillis()), () -> stopped);
        LOG.debug("Proof of work at {} bits: {} attempts in {} ms", settings.difficultyBits(), counter + 1,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return new Proof(WORK, new WorkProof(settings.difficultyBits(), counter).encode());
    }

    @Override
    public Verdict verify(Challenge challenge, Proof proof) {
        if (challenge == null) {
            return Verdict.refused("no challenge to verify the work proof against");
        }
        byte[] value = challenge.value();
        if (!fits(value)) {
            return Verdict.refused("challenge value of " + value.length + " bytes (1 to " + MAX_VALUE_BYTES + ")");
        }
        if (proof == null) {
            return Verdict.refused("no work proof");
        }
        if (!WORK.equals(proof.type())) {
            return Verdict.refused("not a work proof: its type is " + proof.type());
        }
        WorkProof work;
        try {
            work = WorkProof.decode(proof.encoded());
        } catch (ProofException e) {
            return Verdict.refused(e.getMessage());
        }
        if (work.difficultyBits() < settings.minDifficultyBits()) {
            return Verdict.refused("work proof difficulty " + work.difficultyBits() + " bits is below the "
                    + settings.minDifficultyBits() + " bits this node accepts (min.difficulty.bits)");
        }
        int zeroBits = new HashPuzzle(value, work.difficultyBits()).zeroBits(work.counter());
        if (zeroBits < work.difficultyBits()) {
            return Verdict.refused("work proof does not solve this challenge's puzzle: its hash has " + zeroBits
                    + " leading zero bits, it claims " + work.difficultyBits());
        }
        return Verdict.ok();
    }

    private static boolean fits(byte[] value) {
        return value.length > 0 && value.length <= MAX_VALUE_BYTES;
    }

    WorkSettings settings() {
        return settings;
    }
}
