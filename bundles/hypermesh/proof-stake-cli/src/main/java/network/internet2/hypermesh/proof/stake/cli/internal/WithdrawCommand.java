package network.internet2.hypermesh.proof.stake.cli.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import network.internet2.hypermesh.proof.stake.StakeEntry;
import network.internet2.hypermesh.proof.stake.StakeException;
import network.internet2.hypermesh.proof.stake.StakeLedger;
import network.internet2.trustchain.ca.NodeCertificateProvider;

/** {@code proof:stake-withdraw <amount> [account]}. */
@Service
@Command(scope = "proof", name = "stake-withdraw", description = "Withdraws stake from an account (this node's identity "
        + "unless named), signed with its staking key, which this node must hold.")
public class WithdrawCommand implements Action {

    @Reference
    StakeLedger ledger;

    @Reference(optional = true)
    NodeCertificateProvider certificates;

    @Argument(index = 0, name = "amount", required = true, description = "How much, 1..10^18")
    long amount;

    @Argument(index = 1, name = "account", description = "The account (a node identity); default: this node")
    @Completion(HeldAccountCompleter.class)
    String account;

    @Override
    public Object execute() throws Exception {
        String target = NodeAccount.resolve(account, certificates);
        try {
            StakeEntry entry = ledger.withdraw(target, amount);
            System.out.println("Withdrew " + amount + " from " + target + ": balance " + entry.balance()
                    + ", ledger height " + entry.height() + " (minimum stake " + ledger.minimumStake() + ")");
        } catch (StakeException e) {
            throw new CommandException(e.getMessage(), e);
        }
        return null;
    }
}
