package network.internet2.hypermesh.proof.stake.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import network.internet2.hypermesh.proof.stake.InsufficientStakeException;
import network.internet2.hypermesh.proof.stake.StakeEntry;
import network.internet2.hypermesh.proof.stake.StakeEntry.Kind;
import network.internet2.hypermesh.proof.stake.StakeException;
import network.internet2.hypermesh.proof.stake.StakeLedger;
import network.internet2.hypermesh.proof.stake.UnknownStakeAccountException;
import network.internet2.trustchain.crypto.CryptoException;
import network.internet2.trustchain.crypto.CryptoSuite;

/**
 * The stake ledger: its journal ({@link LedgerJournal}) and, in memory, every
 * account with its registered staking key and its balance history.
 *
 * <p>Opening replays the journal and checks its structure (consecutive
 * heights, amounts in range, no overdraft, one key per account, registered at
 * the first deposit); a line that breaks it stops the opening. The entries'
 * signatures need the crypto suites, which arrive as services, so they are
 * checked by {@link #check(Suites)}: at activation, and again before any use
 * while a suite they need is missing. Until every signature has been checked
 * the ledger refuses to be used; a signature that fails marks it damaged for
 * good (until the file is restored and the bundle restarted).
 *
 * <p>A new entry is checked like a replayed one (structure and signature)
 * before it is written, and written (synced) before it counts. Thread-safe:
 * every method holds the ledger's lock.
 */
final class Ledger implements AutoCloseable {

    static final String FILE_NAME = "ledger.journal";

    private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);

    /** One account as the ledger holds it. */
    private static final class Account {
        final String name;
        final String keyAlgorithm;
        final byte[] publicKeyInfo;
        final String fingerprint;
        final BalanceHistory history = new BalanceHistory();
        /** Decoded by the suite offering {@link #keyAlgorithm} when first needed. */
        PublicKey key;

        Account(String name, String keyAlgorithm, byte[] publicKeyInfo) {
            this.name = name;
            this.keyAlgorithm = keyAlgorithm;
            this.publicKeyInfo = publicKeyInfo;
            this.fingerprint = Fingerprints.of(publicKeyInfo);
        }

        String describeKey() {
            return keyAlgorithm + " staking key " + fingerprint;
        }
    }

    /** An account, read at one moment. */
    record AccountState(String account, long balance, String keyAlgorithm, byte[] publicKeyInfo, String fingerprint) {
    }

    /**
     * What proving and verifying need, read at one moment.
     *
     * @param ledgerHeight    the ledger height now
     * @param keyAlgorithm    the account's key algorithm
     * @param publicKeyInfo   the account's key
     * @param fingerprint     the account's key fingerprint
     * @param key             the account's key, decoded
     * @param balanceNow      the account's balance now
     * @param balanceAtHeight the account's balance at the height asked about, or -1 if it had no entry by then
     */
    record View(long ledgerHeight, String keyAlgorithm, byte[] publicKeyInfo, String fingerprint, PublicKey key,
            long balanceNow, long balanceAtHeight) {
    }

    private final LedgerJournal journal;
    private final byte[] ledgerId;
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final ArrayDeque<LedgerEntry> unchecked = new ArrayDeque<>();
    private long height;
    private String damage;

    private Ledger(LedgerJournal journal) {
        this.journal = journal;
        this.ledgerId = journal.ledgerId();
    }

    /**
     * Opens (creating when missing) the ledger in {@code file} and replays it;
     * its signatures are checked later, by {@link #check(Suites)}.
     *
     * @throws IOException if the file cannot be used or an entry breaks the ledger's rules
     */
    static Ledger open(Path file, SecureRandom random) throws IOException {
        byte[] newId = new byte[LedgerJournal.LEDGER_ID_BYTES];
        random.nextBytes(newId);
        LedgerJournal journal = LedgerJournal.open(file, newId);
        try {
            Ledger ledger = new Ledger(journal);
            int number = 1; // the header is line 1
            for (LedgerJournal.Line line : journal.lines()) {
                number++;
                LedgerEntry entry;
                try {
                    entry = LedgerEntry.parse(line.payload());
                } catch (IllegalArgumentException e) {
                    throw unusable(file, number, line, "it cannot be read: " + e.getMessage(), e);
                }
                String problem = ledger.problem(entry);
                if (problem != null) {
                    throw unusable(file, number, line, problem, null);
                }
                ledger.apply(entry, null);
                ledger.unchecked.add(entry);
            }
            journal.forgetLines();
            return ledger;
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    private static IOException unusable(Path file, int number, LedgerJournal.Line line, String problem,
            Exception cause) {
        return new IOException("stake ledger " + file + " line " + number + " (byte " + line.offset() + ") breaks "
                + "the ledger: " + problem + "; restore the file from a backup before starting the proof-stake bundle",
                cause);
    }

    Path file() {
        return journal.file();
    }

    String ledgerId() {
        return HexFormat.of().formatHex(ledgerId);
    }

    byte[] ledgerIdBytes() {
        return ledgerId.clone();
    }

    /** @return whether a signature was found not to hold */
    synchronized boolean damaged() {
        return damage != null;
    }

    /** @return how many replayed entries still wait for their signatures to be checked */
    synchronized int uncheckedEntries() {
        return unchecked.size();
    }

    /**
     * Checks the signatures of the replayed entries not checked yet.
     *
     * @throws StakeException if a suite they need is missing (naming the feature
     *         to install), or a signature fails (the ledger is then damaged)
     */
    synchronized void check(Suites suites) throws StakeException {
        if (damage != null) {
            throw new StakeException(damage);
        }
        while (!unchecked.isEmpty()) {
            LedgerEntry entry = unchecked.peek();
            Account account = accounts.get(entry.account());
            CryptoSuite suite = suites.offering(account.keyAlgorithm);
            if (suite == null) {
                throw new StakeException("stake ledger " + file() + " cannot be used until its signatures are "
                        + "checked: the entry at height " + entry.height() + " is signed with "
                        + account.keyAlgorithm + ", and " + Suites.missing(account.keyAlgorithm));
            }
            String problem = signatureProblem(account, entry, suite);
            if (problem != null) {
                damage = "stake ledger " + file() + " was altered: " + problem + "; restore the file from a backup "
                        + "and restart the proof-stake bundle";
                LOG.error(damage);
                throw new StakeException(damage);
            }
            unchecked.poll();
        }
    }

    /** @return the number of entries */
    synchronized long height() {
        return height;
    }

    /** @return every account, in registration order */
    synchronized List<AccountState> accounts() {
        List<AccountState> states = new ArrayList<>(accounts.size());
        for (Account account : accounts.values()) {
            states.add(state(account));
        }
        return states;
    }

    /** @return the account, or {@code null} if unknown */
    synchronized AccountState account(String name) {
        Account account = accounts.get(name);
        return account == null ? null : state(account);
    }

    private static AccountState state(Account account) {
        return new AccountState(account.name, account.history.current(), account.keyAlgorithm,
                account.publicKeyInfo.clone(), account.fingerprint);
    }

    /** @return the account as proving sees it now (its balance at the current height), or {@code null} if unknown */
    synchronized View view(String name) {
        return view(name, height);
    }

    /**
     * @param atHeight the height whose balance is wanted (the current height for a proof being made)
     * @return the account as proving and verifying see it, or {@code null} if unknown
     */
    synchronized View view(String name, long atHeight) {
        Account account = accounts.get(name);
        if (account == null) {
            return null;
        }
        return new View(height, account.keyAlgorithm, account.publicKeyInfo.clone(), account.fingerprint,
                account.key, account.history.current(), atHeight > height ? -1 : account.history.at(atHeight));
    }

    /**
     * Records a deposit or withdrawal made by this node, signed with the
     * account's staking key (for a new account: this node's key of
     * {@code newAccountAlgorithm}, which the deposit registers).
     */
    synchronized StakeEntry append(Kind kind, String name, long amount, String newAccountAlgorithm,
            StakingKeys keys, Suites suites) throws StakeException {
        check(suites);
        String accountProblem = LedgerEntry.accountProblem(name);
        if (accountProblem != null) {
            throw new StakeException(accountProblem);
        }
        if (amount < 1 || amount > StakeLedger.MAX_STAKE) {
            throw new StakeException("a stake amount is between 1 and " + StakeLedger.MAX_STAKE + ", not " + amount);
        }
        Account account = accounts.get(name);
        HeldKey key;
        if (account == null) {
            if (kind == Kind.WITHDRAW) {
                throw new UnknownStakeAccountException(name);
            }
            key = keys.current(newAccountAlgorithm, suites);
        } else {
            long balance = account.history.current();
            if (kind == Kind.WITHDRAW && amount > balance) {
                throw new InsufficientStakeException(name, balance, amount);
            }
            if (kind == Kind.DEPOSIT && balance > StakeLedger.MAX_STAKE - amount) {
                throw new StakeException("cannot deposit " + amount + " to stake account " + name + ": its balance "
                        + balance + " would exceed the largest balance, " + StakeLedger.MAX_STAKE);
            }
            key = keys.matching(account.keyAlgorithm, account.publicKeyInfo, suites);
            if (key == null) {
                throw new StakeException("this node does not hold the staking key of account " + name + " ("
                        + account.describeKey() + "): only the node holding it can deposit to or withdraw from it");
            }
        }
        CryptoSuite suite = suites.require(key.algorithm());
        long next = height + 1;
        String registeredAlgorithm = account == null ? key.algorithm() : null;
        byte[] registeredKey = account == null ? key.publicKeyInfo() : null;
        byte[] signature;
        try {
            signature = suite.sign(key.algorithm(), key.privateKey(), LedgerEntry.message(ledgerId, next, name, kind,
                    amount, registeredAlgorithm, registeredKey));
        } catch (CryptoException e) {
            throw new StakeException("cannot sign the " + kind.name().toLowerCase() + " with this node's "
                    + key.algorithm() + " staking key: " + e.getMessage(), e);
        }
        LedgerEntry entry = new LedgerEntry(next, name, kind, amount, registeredAlgorithm, registeredKey, signature);
        return record(entry, suites);
    }

    /**
     * Records an entry signed elsewhere, once its structure and signature are checked.
     *
     * @throws StakeException saying why it is refused
     */
    synchronized StakeEntry accept(LedgerEntry entry, Suites suites) throws StakeException {
        check(suites);
        String problem = problem(entry);
        if (problem != null) {
            throw new StakeException("refused stake ledger entry: " + problem);
        }
        return record(entry, suites);
    }

    private StakeEntry record(LedgerEntry entry, Suites suites) throws StakeException {
        Account known = accounts.get(entry.account());
        Account account = known != null ? known
                : new Account(entry.account(), entry.keyAlgorithm(), entry.publicKey());
        String problem = signatureProblem(account, entry, suites.require(account.keyAlgorithm));
        if (problem != null) {
            throw new StakeException("refused stake ledger entry: " + problem);
        }
        try {
            journal.append(entry.toPayload());
        } catch (IOException e) {
            throw new StakeException(e.getMessage(), e);
        }
        return apply(entry, account);
    }

    /** @return what breaks the ledger's rules if {@code entry} came next, or {@code null} if nothing */
    private String problem(LedgerEntry entry) {
        String accountProblem = LedgerEntry.accountProblem(entry.account());
        if (accountProblem != null) {
            return accountProblem;
        }
        String what = describe(entry);
        if (entry.height() != height + 1) {
            return what + " is numbered " + entry.height() + ", but the ledger height before it is " + height;
        }
        if (entry.amount() < 1 || entry.amount() > StakeLedger.MAX_STAKE) {
            return what + ": the amount is outside 1.." + StakeLedger.MAX_STAKE;
        }
        Account account = accounts.get(entry.account());
        if (entry.kind() == Kind.WITHDRAW) {
            if (account == null) {
                return what + ": the account has no deposit before it";
            }
            long balance = account.history.current();
            return entry.amount() > balance ? what + ": the account holds only " + balance : null;
        }
        if (account == null) {
            if (!entry.registers()) {
                return what + " registers no staking key, but is the account's first deposit";
            }
            if (!StakeSettings.SIGNATURE_ALGORITHMS.contains(entry.keyAlgorithm())) {
                return what + " registers a key of unknown algorithm " + entry.keyAlgorithm();
            }
            return entry.publicKey().length == 0 ? what + " registers an empty staking key" : null;
        }
        if (entry.registers()) {
            return what + " registers a second staking key for the account";
        }
        long balance = account.history.current();
        return balance > StakeLedger.MAX_STAKE - entry.amount()
                ? what + ": the balance would exceed " + StakeLedger.MAX_STAKE
                : null;
    }

    private StakeEntry apply(LedgerEntry entry, Account registering) {
        Account account = accounts.get(entry.account());
        if (account == null) {
            account = registering != null ? registering
                    : new Account(entry.account(), entry.keyAlgorithm(), entry.publicKey());
            accounts.put(account.name, account);
        }
        long balance = account.history.current()
                + (entry.kind() == Kind.DEPOSIT ? entry.amount() : -entry.amount());
        account.history.add(entry.height(), balance);
        height = entry.height();
        return new StakeEntry(entry.height(), entry.account(), entry.kind(), entry.amount(), balance);
    }

    /** @return why {@code entry}'s signature does not hold with {@code account}'s key, or {@code null} if it does */
    private String signatureProblem(Account account, LedgerEntry entry, CryptoSuite suite) {
        try {
            if (account.key == null) {
                account.key = suite.decodePublicKey(account.keyAlgorithm, account.publicKeyInfo);
            }
        } catch (CryptoException e) {
            return describe(entry) + ": the account's registered " + account.keyAlgorithm + " staking key does not "
                    + "decode (" + e.getMessage() + ")";
        }
        try {
            if (suite.verify(account.keyAlgorithm, account.key, entry.signedMessage(ledgerId), entry.signature())) {
                return null;
            }
            return describe(entry) + " does not carry a valid signature by the account's "
                    + account.describeKey();
        } catch (CryptoException e) {
            return describe(entry) + ": its signature cannot be checked with the account's "
                    + account.describeKey() + " (" + e.getMessage() + ")";
        }
    }

    private static String describe(LedgerEntry entry) {
        return "the entry at height " + entry.height() + " (" + (entry.kind() == Kind.DEPOSIT ? "deposit of "
                : "withdrawal of ") + entry.amount() + (entry.kind() == Kind.DEPOSIT ? " to " : " from ")
                + entry.account() + ")";
    }

    @Override
    public synchronized void close() throws IOException {
        journal.close();
    }
}
