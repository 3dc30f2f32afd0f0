package network.internet2.hypermesh.proof.time.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
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
import network.internet2.trustchain.crypto.CryptoException;
import network.internet2.trustchain.crypto.CryptoSuite;

/**
 * Proof of time: a {@link Wesolowski} VDF over RSA-2048 whose input chains to
 * the node's previous time proof ({@link TimeChains}), with a timestamp signed
 * by the engine's {@link TimeKey}. Proofs for one node identity are made one at
 * a time, so that the chain records T squarings per proof in sequence; any
 * number of threads may verify at once. A configuration change restarts the
 * component.
 */
@Component(service = ProofEngine.class, property = ProofEngine.TYPE_PROPERTY + "=" + ProofEngine.TIME,
        configurationPid = TimeProofEngine.PID)
@Designate(ocd = TimeProofEngine.Config.class)
public class TimeProofEngine implements ProofEngine {

    static final String PID = "network.internet2.hypermesh.proof.time";
    /** The largest challenge value the engine hashes. */
    static final int MAX_VALUE_BYTES = 4096;

    /** The time engine's settings (PID {@value #PID}). */
    @ObjectClassDefinition(name = "Internet 2.0 HyperMesh proof of time",
            description = "A Wesolowski verifiable delay function over RSA-2048, chained to the node's previous "
                    + "time proof, with a signed timestamp. Proving costs T sequential squarings; verifying a few "
                    + "milliseconds whatever T is.")
    @interface Config {
        @AttributeDefinition(description = "T, the sequential squarings of each proof. 65536 (about 0.15 s here) "
                + "is the development default; production should use 1048576 or more (about 2.5 s here; a fast "
                + "core squares a few times faster). At least 1024, at most 268435456", min = "1024",
                max = "268435456")
        int iterations() default 65_536;

        @AttributeDefinition(description = "Fewest squarings a proof must have to be accepted; 0 means "
                + "iterations. Must not exceed iterations", min = "0")
        int min_iterations() default 0;

        @AttributeDefinition(description = "How many recent heads of a node's time chain a proof may follow "
                + "(proofs are verified shortly after they are made); an older proof is refused", min = "1",
                max = "4096")
        int history_size() default 64;

        @AttributeDefinition(description = "How far a proof's signed timestamp may be from this node's clock, in "
                + "milliseconds, before it is refused as stale or from the future", min = "1", max = "86400000")
        long max_skew_millis() default 30_000;

        @AttributeDefinition(description = "Where the time chains and the time key live; " + TimeSettings.KARAF_DATA
                + " is replaced by the Karaf data directory")
        String storage_directory() default TimeSettings.KARAF_DATA + "/internet2/proof/time";

        @AttributeDefinition(description = "How many node identities this engine keeps time chains for (normally "
                + "one: this node's)", min = "1", max = "4096")
        int max_chains() default 16;
    }

    private static final Logger LOG = LoggerFactory.getLogger(TimeProofEngine.class);

    private final TimeSettings settings;
    private final Clock clock;
    private final Wesolowski vdf;
    private final TimeKey key;
    private final TimeChains chains;
    private volatile boolean stopped;

    @Activate
    public TimeProofEngine(BundleContext context, Config config,
            @Reference(name = "crypto", target = "(" + CryptoSuite.SUITE_PROPERTY + "=" + CryptoSuite.CLASSICAL + ")")
            CryptoSuite classical) throws IOException {
        this(TimeSettings.from(config, context.getProperty("karaf.data")), classical, Clock.systemUTC(),
                Rsa2048.MODULUS);
    }

    /** Opens (or starts) the key and chains in the storage directory; also the entry point of unit tests. */
    TimeProofEngine(TimeSettings settings, CryptoSuite suite, Clock clock, BigInteger modulus) throws IOException {
        this.settings = settings;
        this.clock = clock;
        this.vdf = new Wesolowski(modulus);
        SecureFiles.ensureDirectory(settings.storageDirectory());
        this.key = TimeKey.loadOrCreate(settings.storageDirectory(), suite);
        this.chains = TimeChains.open(settings.storageDirectory(), settings.historySize(), settings.maxChains(),
                new SecureRandom());
        LOG.info("Proof of time: {} squarings per proof (accepting {} or more), {} time chains in {}",
                settings.iterations(), settings.minIterations(), chains.size(), settings.storageDirectory());
    }

    /** Makes proofs under way give up, so that no thread keeps squaring for a stopped bundle. */
    @Deactivate
    void deactivate() {
        stopped = true;
    }

    @Override
    public String type() {
        return TIME;
    }

    @Override
    public Proof prove(Challenge challenge) throws ProofException {
        if (stopped) {
            throw new ProofException("the time engine is stopped");
        }
        if (challenge == null) {
            throw new ProofException("cannot prove time without a challenge");
        }
        byte[] value = challenge.value();
        if (value.length == 0 || value.length > MAX_VALUE_BYTES) {
            throw new ProofException("cannot prove time for a challenge value of " + value.length + " bytes (1 to "
                    + MAX_VALUE_BYTES + ")");
        }
        String identity = challenge.nodeIdentity();
        ReentrantLock lock = chains.proverLock(identity);
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProofException("interrupted while waiting for the previous proof of time of " + identity);
        }
        try {
            return proveOnChain(value, identity);
        } catch (IOException e) {
            throw new ProofException("the time chain of " + identity + " cannot be stored in "
                    + settings.storageDirectory() + " (" + e.getMessage() + "): check the directory's space and "
                    + "permissions", e);
        } finally {
            lock.unlock();
        }
    }

    private Proof proveOnChain(byte[] value, String identity) throws ProofException, IOException {
        long started = System.nanoTime();
        TimeChain chain = chains.forProving(identity);
        byte[] previous = chain.head();
        int iterations = settings.iterations();
        BigInteger x = HashToGroup.element(vdf.modulus(), value, previous);
        Wesolowski.Evaluation evaluation = vdf.evaluate(x, iterations, () -> stopped);
        long timestamp = clock.millis();
        byte[] signature;
        try {
            signature = key.sign(TimeProof.signedBytes(value, iterations, previous, evaluation.y(), timestamp,
                    vdf.width()));
        } catch (CryptoException e) {
            throw new ProofException("cannot sign the proof of time: " + e.getMessage(), e);
        }
        TimeProof proof = new TimeProof(iterations, timestamp, previous, evaluation.y(), evaluation.proof(),
                evaluation.prime(), signature);
        chains.advance(chain, TimeChain.nextHead(previous, Hashing.unsigned(evaluation.y(), vdf.width())));
        LOG.debug("Proof of time {} for {}: {} squarings in {} ms", chain.proofs() + 1, identity, iterations,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return new Proof(TIME, proof.encode(vdf.width()));
    }

    @Override
    public Verdict verify(Challenge challenge, Proof proof) {
        try {
            return check(challenge, proof);
        } catch (RuntimeException e) {
            LOG.debug("Time proof check failed unexpectedly", e);
            return Verdict.refused("time proof could not be checked: " + e);
        }
    }

    private Verdict check(Challenge challenge, Proof proof) {
        if (challenge == null) {
            return Verdict.refused("no challenge to verify the time proof against");
        }
        if (proof == null) {
            return Verdict.refused("no time proof");
        }
        if (!TIME.equals(proof.type())) {
            return Verdict.refused("not a time proof: its type is " + proof.type());
        }
        byte[] value = challenge.value();
        if (value.length == 0 || value.length > MAX_VALUE_BYTES) {
            return Verdict.refused("challenge value of " + value.length + " bytes (1 to " + MAX_VALUE_BYTES + ")");
        }
        TimeProof time;
        try {
            time = TimeProof.decode(proof.encoded(), vdf);
        } catch (ProofException e) {
            return Verdict.refused(e.getMessage());
        }
        if (time.iterations() < settings.minIterations()) {
            return Verdict.refused("time proof of " + time.iterations() + " squarings, fewer than the "
                    + settings.minIterations() + " this node accepts (min.iterations)");
        }
        TimeChain chain = chains.get(challenge.nodeIdentity());
        if (chain == null) {
            return Verdict.refused("unknown node: this engine keeps no time chain for " + challenge.nodeIdentity());
        }
        if (!chain.follows(time.previous())) {
            return Verdict.refused("time proof does not chain to the node's time chain: the head it follows is not "
                    + "among the last " + chain.heads().size() + " heads of " + challenge.nodeIdentity());
        }
        long age = clock.millis() - time.timestamp();
        if (age > settings.maxSkewMillis()) {
            return Verdict.refused("time proof is stale: its timestamp is " + age + " ms old, more than "
                    + "max.skew.millis (" + settings.maxSkewMillis() + ")");
        }
        if (-age > settings.maxSkewMillis()) {
            return Verdict.refused("time proof is from the future: its timestamp is " + -age + " ms ahead of this "
                    + "node's clock, more than max.skew.millis (" + settings.maxSkewMillis() + ")");
        }
        BigInteger x = HashToGroup.element(vdf.modulus(), value, time.previous());
        BigInteger prime = vdf.prime(time.iterations(), x, time.y());
        if (!vdf.holds(x, time.iterations(), time.y(), time.proof(), prime)) {
            return Verdict.refused("time proof's VDF does not verify: π^ℓ·x^r ≠ ±y for this challenge, previous "
                    + "head and " + time.iterations() + " squarings");
        }
        if (!prime.equals(time.prime())) {
            return Verdict.refused("time proof's prime ℓ is not the one derived from (T, x, y)");
        }
        try {
            byte[] signed = TimeProof.signedBytes(value, time.iterations(), time.previous(), time.y(),
                    time.timestamp(), vdf.width());
            if (!key.verify(signed, time.signature())) {
                return Verdict.refused("time proof's timestamp signature does not verify with the node's time key");
            }
        } catch (CryptoException e) {
            return Verdict.refused("time proof's signature cannot be checked: " + e.getMessage());
        }
        return Verdict.ok();
    }

    TimeSettings settings() {
        return settings;
    }

    TimeKey key() {
        return key;
    }

    TimeChains chains() {
        return chains;
    }
}
