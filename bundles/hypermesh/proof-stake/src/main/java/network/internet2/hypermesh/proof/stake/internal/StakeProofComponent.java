package network.internet2.hypermesh.proof.stake.internal;

import java.io.IOException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
import org.osgi.service.metatype.annotations.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import network.internet2.hypermesh.proof.Challenge;
import network.internet2.hypermesh.proof.Proof;
import network.internet2.hypermesh.proof.ProofEngine;
import network.internet2.hypermesh.proof.ProofException;
import network.internet2.hypermesh.proof.Verdict;
import network.internet2.hypermesh.proof.stake.StakeAccount;
import network.internet2.hypermesh.proof.stake.StakeEntry;
import network.internet2.hypermesh.proof.stake.StakeEntry.Kind;
import network.internet2.hypermesh.proof.stake.StakeException;
import network.internet2.hypermesh.proof.stake.StakeLedger;
import network.internet2.hypermesh.proof.stake.StakingKey;
import network.internet2.hypermesh.proof.stake.UnknownStakeAccountException;
import network.internet2.trustchain.crypto.Algorithms;
import network.internet2.trustchain.crypto.CryptoException;
import network.internet2.trustchain.crypto.CryptoSuite;

/**
 * The proof-of-stake engine ({@code proof.type=stake}) and the stake ledger it
 * proves against, one component because both are the same ledger file and
 * staking keys.
 *
 * <p>A proof for a challenge is made for the account named by the challenge's
 * node identity, which must hold at least the minimum stake and whose staking
 * key this node must hold: its signature covers the challenge value, the
 * account, the current ledger height h and the account's balance at h.
 *
 * <p>A proof is accepted when, in order: it decodes exactly; the account is in
 * the ledger; h is not above the ledger height H and not more than
 * {@code max.height.lag} entries below it; the balance claimed is the ledger's
 * balance of the account at h; that balance and the account's balance now are
 * both at least the minimum stake; and the signature verifies with the
 * account's registered key over the message re-derived from the challenge. So
 * a withdrawal after a proof was made makes it refused only if it leaves the
 * account below the minimum; a proof older than the lag is refused whatever
 * the balance.
 */
@Component(service = {ProofEngine.class, StakeLedger.class}, immediate = true,
        property = ProofEngine.TYPE_PROPERTY + "=" + ProofEngine.STAKE,
        configurationPid = StakeProofComponent.PID)
@Designate(ocd = StakeProofComponent.Config.class)
public class StakeProofComponent implements ProofEngine, StakeLedger {

    static final String PID = "network.internet2.hypermesh.proof.stake";

    /** The proof-of-stake settings (PID {@value #PID}); a change restarts the component. */
    @ObjectClassDefinition(name = "Internet 2.0 HyperMesh proof of stake",
            description = "The stake ledger and the proof-of-stake engine of four-proof consensus.")
    @interface Config {
        @AttributeDefinition(description = "Folder of the stake ledger (ledger.journal) and this node's staking keys; "
                + StakeSettings.KARAF_DATA + " stands for Karaf's data folder")
        String storage_directory() default StakeSettings.DEFAULT_DIRECTORY;

        @AttributeDefinition(description = "Algorithm of the staking key this node registers new accounts with "
                + "(generated on first use). Accounts registered earlier keep their key. The post-quantum "
                + "algorithms need feature crypto-pq", options = {
                    @Option(label = "ECDSA P-256 (classical suite)", value = Algorithms.ECDSA_P256),
                    @Option(label = "ECDSA P-384 (classical suite)", value = Algorithms.ECDSA_P384),
                    @Option(label = "Ed25519 (classical suite)", value = Algorithms.ED25519),
                    @Option(label = "FALCON-1024 (post-quantum suite)", value = Algorithms.FALCON_1024),
                    @Option(label = "ML-DSA-87 (post-quantum suite)", value = Algorithms.ML_DSA_87)})
        String signature_algorithm() default Algorithms.ECDSA_P256;

        @AttributeDefinition(description = "Least balance an account must hold for its proofs of stake to be made "
                + "and accepted", min = "1")
        long minimum_stake() default 1000;

        @AttributeDefinition(description = "How many ledger entries may have been recorded since the height a proof "
                + "names for it to be accepted; older proofs are refused as stale", min = "0")
        long max_height_lag() default 100;
    }

    private static final Logger LOG = LoggerFactory.getLogger(StakeProofComponent.class);

    private final StakeSettings settings;
    private final Suites suites = new Suites();
    private final Ledger ledger;
    private final StakingKeys keys;

    @Activate
    public StakeProofComponent(BundleContext context, Config config) throws IOException {
        this(StakeSettings.of(config.storage_directory(), config.signature_algorithm(), config.minimum_stake(),
                config.max_height_lag(), context.getProperty("karaf.data")));
    }

    /** For tests and the constructor above: the engine over the ledger in the settings' folder. */
    StakeProofComponent(StakeSettings settings) throws IOException {
        this.settings = settings;
        this.ledger = Ledger.open(settings.directory().resolve(Ledger.FILE_NAME), new SecureRandom());
        this.keys = new StakingKeys(settings.directory());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addSuite(CryptoSuite suite) {
        suites.add(suite);
    }

    void removeSuite(CryptoSuite suite) {
        suites.remove(suite);
    }

    /**
     * Checks the ledger's signatures with the suites present.
     *
     * @throws IOException if one fails: the ledger was altered and the component does not start
     */
    @Activate
    void activate() throws IOException {
        try {
            ledger.check(suites);
        } catch (StakeException e) {
            if (ledger.damaged()) {
                ledger.close();
                throw new IOException(e.getMessage(), e);
            }
            LOG.warn("{}; it is checked again when next used", e.getMessage());
        }
        LOG.info("Stake ledger {} ({}) open at height {}; minimum stake {}, max height lag {}, new accounts get a {} "
                + "staking key", ledger.file(), ledger.ledgerId(), ledger.height(), settings.minimumStake(),
                settings.maxHeightLag(), settings.signatureAlgorithm());
    }

    @Deactivate
    void deactivate() throws IOException {
        ledger.close();
    }

    @Override
    public String type() {
        return STAKE;
    }

    @Override
    public Proof prove(Challenge challenge) throws ProofException {
        if (challenge == null) {
            throw new ProofException("no challenge given to prove stake for");
        }
        String account = challenge.nodeIdentity();
        String accountProblem = LedgerEntry.accountProblem(account);
        if (accountProblem != null) {
            throw new ProofException("cannot prove stake: the challenge's node identity is unusable: " + accountProblem);
        }
        byte[] value = challenge.value();
        if (value.length == 0) {
            throw new ProofException("cannot prove stake: the challenge value is empty, so there is nothing to bind "
                    + "the proof to");
        }
        try {
            ledger.check(suites);
            Ledger.View view = ledger.view(account);
            long minimum = settings.minimumStake();
            if (view == null) {
                throw new ProofException("no stake account " + account + " in the ledger: deposit at least " + minimum
                        + " to it (proof:stake-deposit) before proving stake");
            }
            if (view.balanceNow() < minimum) {
                throw new ProofException("stake of " + account + " is below the minimum " + minimum + ": it holds "
                        + view.balanceNow() + "; deposit at least " + (minimum - view.balanceNow())
                        + " more (proof:stake-deposit)");
            }
            HeldKey key = keys.matching(view.keyAlgorithm(), view.publicKeyInfo(), suites);
            if (key == null) {
                throw new ProofException("this node does not hold the staking key of account " + account + " ("
                        + view.keyAlgorithm() + " " + view.fingerprint() + "): only the node holding it can prove "
                        + "its stake");
            }
            CryptoSuite suite = suites.require(key.algorithm());
            byte[] message = StakeProofCodec.message(ledger.ledgerIdBytes(), value, account, view.ledgerHeight(),
                    view.balanceNow());
            byte[] signature = suite.sign(key.algorithm(), key.privateKey(), message);
            return new Proof(STAKE, StakeProofCodec.encode(view.ledgerHeight(), view.balanceNow(), signature));
        } catch (StakeException e) {
            throw new ProofException("cannot prove stake: " + e.getMessage(), e);
        } catch (CryptoException e) {
            throw new ProofException("cannot sign the proof of stake of " + account + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Verdict verify(Challenge challenge, Proof proof) {
        try {
            return check(challenge, proof);
        } catch (RuntimeException e) {
            LOG.debug("Stake proof check failed unexpectedly", e);
            return Verdict.refused("the stake proof could not be checked: " + e);
        }
    }

    private Verdict check(Challenge challenge, Proof proof) {
        if (challenge == null) {
            return Verdict.refused("no challenge given to check the stake proof against");
        }
        if (proof == null) {
            return Verdict.refused("no stake proof given");
        }
        if (!STAKE.equals(proof.type())) {
            return Verdict.refused("a proof of type " + proof.type() + " is not a stake proof");
        }
        String account = challenge.nodeIdentity();
        String accountProblem = LedgerEntry.accountProblem(account);
        if (accountProblem != null) {
            return Verdict.refused("the challenge's node identity is unusable: " + accountProblem);
        }
        StakeProofCodec.Decoded decoded;
        try {
            decoded = StakeProofCodec.decode(proof.encoded());
        } catch (StakeProofCodec.MalformedProofException e) {
            return Verdict.refused(e.getMessage());
        }
        try {
            ledger.check(suites);
        } catch (StakeException e) {
            return Verdict.refused("stake proofs cannot be checked now: " + e.getMessage());
        }
        long height = decoded.height();
        Ledger.View view = ledger.view(account, height);
        if (view == null) {
            return Verdict.refused("no stake account " + account + " in this node's stake ledger");
        }
        long current = view.ledgerHeight();
        long minimum = settings.minimumStake();
        if (height > current) {
            return Verdict.refused("the stake proof names ledger height " + height + ", beyond this ledger's height "
                    + current);
        }
        if (current - height > settings.maxHeightLag()) {
            return Verdict.refused("the stake proof is stale: made at ledger height " + height + ", "
                    + (current - height) + " entries before the current height " + current + " (max.height.lag "
                    + settings.maxHeightLag() + ")");
        }
        if (view.balanceAtHeight() < 0) {
            return Verdict.refused("stake account " + account + " had no entry by ledger height " + height);
        }
        if (decoded.balance() != view.balanceAtHeight()) {
            return Verdict.refused("the stake proof claims a balance of " + decoded.balance() + " for " + account
                    + " at ledger height " + height + ", but the ledger holds " + view.balanceAtHeight());
        }
        if (view.balanceAtHeight() < minimum) {
            return Verdict.refused("stake of " + account + " was below the minimum " + minimum + " at ledger height "
                    + height + ": it held " + view.balanceAtHeight());
        }
        if (view.balanceNow() < minimum) {
            return Verdict.refused("stake of " + account + " is below the minimum " + minimum + " now: it holds "
                    + view.balanceNow() + " at ledger height " + current + ", after withdrawals since the proof was "
                    + "made at height " + height);
        }
        CryptoSuite suite = suites.offering(view.keyAlgorithm());
        if (suite == null) {
            return Verdict.refused("the stake proof of " + account + " cannot be checked: "
                    + Suites.missing(view.keyAlgorithm()));
        }
        byte[] message = StakeProofCodec.message(ledger.ledgerIdBytes(), challenge.value(), account, height,
                decoded.balance());
        try {
            PublicKey key = view.key() != null ? view.key()
                    : suite.decodePublicKey(view.keyAlgorithm(), view.publicKeyInfo());
            if (!suite.verify(view.keyAlgorithm(), key, message, decoded.signature())) {
                return Verdict.refused("the stake proof's signature does not verify with the registered "
                        + view.keyAlgorithm() + " staking key " + view.fingerprint() + " of " + account
                        + ": it was made for another challenge or ledger, or altered");
            }
        } catch (CryptoException e) {
            return Verdict.refused("the stake proof's signature cannot be checked with the " + view.keyAlgorithm()
                    + " staking key of " + account + ": " + e.getMessage());
        }
        return Verdict.ok();
    }

    @Override
    public StakeEntry deposit(String account, long amount) throws StakeException {
        return record(Kind.DEPOSIT, account, amount);
    }

    @Override
    public StakeEntry withdraw(String account, long amount) throws StakeException {
        return record(Kind.WITHDRAW, account, amount);
    }

    private StakeEntry record(Kind kind, String account, long amount) throws StakeException {
        StakeEntry entry = ledger.append(kind, account, amount, settings.signatureAlgorithm(), keys, suites);
        LOG.info("Stake ledger height {}: {} of {} {} {}, balance now {}", entry.height(),
                kind == Kind.DEPOSIT ? "deposit" : "withdrawal", amount, kind == Kind.DEPOSIT ? "to" : "from",
                account, entry.balance());
        return entry;
    }

    @Override
    public long balance(String account) throws StakeException {
        return account(account).orElseThrow(() -> new UnknownStakeAccountException(account)).balance();
    }

    @Override
    public Optional<StakeAccount> account(String account) throws StakeException {
        ledger.check(suites);
        Ledger.AccountState state = ledger.account(account);
        return state == null ? Optional.empty() : Optional.of(describe(state));
    }

    @Override
    public List<StakeAccount> accounts() throws StakeException {
        ledger.check(suites);
        List<StakeAccount> accounts = new ArrayList<>();
        for (Ledger.AccountState state : ledger.accounts()) {
            accounts.add(describe(state));
        }
        return accounts;
    }

    private StakeAccount describe(Ledger.AccountState state) {
        return new StakeAccount(state.account(), state.balance(), state.keyAlgorithm(), state.fingerprint(),
                keys.holds(state.keyAlgorithm(), state.publicKeyInfo()));
    }

    @Override
    public long height() throws StakeException {
        ledger.check(suites);
        return ledger.height();
    }

    @Override
    public long minimumStake() {
        return settings.minimumStake();
    }

    @Override
    public StakingKey stakingKey() throws StakeException {
        HeldKey key = keys.current(settings.signatureAlgorithm(), suites);
        return new StakingKey(key.algorithm(), key.fingerprint());
    }

    @Override
    public String ledgerId() {
        return ledger.ledgerId();
    }

    /** For tests: the ledger underneath. */
    Ledger ledger() {
        return ledger;
    }

    /** For tests: the suites bound. */
    Suites suites() {
        return suites;
    }
}
