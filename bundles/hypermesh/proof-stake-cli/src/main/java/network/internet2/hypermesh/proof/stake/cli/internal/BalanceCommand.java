package network.internet2.hypermesh.proof.stake.cli.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

import network.internet2.hypermesh.proof.stake.StakeAccount;
import network.internet2.hypermesh.proof.stake.StakeException;
import network.internet2.hypermesh.proof.stake.StakeLedger;

/** {@code proof:stake-balance [account]}. */
@Service
@Command(scope = "proof", name = "stake-balance", description = "Shows an account's stake, or every account with the "
        + "ledger's height, the minimum stake and this node's staking key.")
public class BalanceCommand implements Action {

    static final int FINGERPRINT_CHARS = 16;

    @Reference
    StakeLedger ledger;

    @Argument(index = 0, name = "account", description = "One account (a node identity); default: all")
    @Completion(AccountCompleter.class)
    String account;

    @Override
    public Object execute() throws Exception {
        try {
            if (account != null) {
                long balance = ledger.balance(account);
                System.out.println(account + ": " + balance + (balance >= ledger.minimumStake() ? "" : " (below the "
                        + "minimum stake " + ledger.minimumStake() + ": its proofs of stake are refused)"));
                return null;
            }
            System.out.println("Ledger height " + ledger.height() + ", minimum stake " + ledger.minimumStake()
                    + ", this node's staking key " + ledger.stakingKey().algorithm() + " "
                    + ledger.stakingKey().fingerprint());
            ShellTable table = new ShellTable().emptyTableText("No account has stake yet: proof:stake-deposit");
            table.column("Account");
            table.column("Balance").alignRight();
            table.column("Key");
            table.column("Held here");
            for (StakeAccount entry : ledger.accounts()) {
                table.addRow().addContent(entry.account(), entry.balance(), key(entry), entry.heldHere() ? "yes" : "no");
            }
            table.print(System.out);
        } catch (StakeException e) {
            throw new CommandException(e.getMessage(), e);
        }
        return null;
    }

    /** @return the key's algorithm and the first {@value #FINGERPRINT_CHARS} characters of its fingerprint */
    static String key(StakeAccount account) {
        String fingerprint = account.keyFingerprint();
        return account.keyAlgorithm() + " " + (fingerprint.length() <= FINGERPRINT_CHARS ? fingerprint
                : fingerprint.substring(0, FINGERPRINT_CHARS) + "…");
    }
}
