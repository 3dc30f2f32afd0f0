package network.internet2.hypermesh.proof.stake.cli.internal;

import java.util.List;
import java.util.function.Predicate;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import network.internet2.hypermesh.proof.stake.StakeAccount;
import network.internet2.hypermesh.proof.stake.StakeException;
import network.internet2.hypermesh.proof.stake.StakeLedger;

/** Completes the accounts the stake ledger holds, for {@code proof:stake-balance} and {@code proof:stake-deposit}. */
@Service
public class AccountCompleter implements Completer {

    @Reference
    StakeLedger ledger;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return complete(ledger, account -> true, session, commandLine, candidates);
    }

    /** Completes the accounts that pass {@code which}; none if the ledger cannot be read. */
    static int complete(StakeLedger ledger, Predicate<StakeAccount> which, Session session, CommandLine commandLine,
            List<String> candidates) {
        List<StakeAccount> accounts;
        try {
            accounts = ledger.accounts();
        } catch (StakeException e) {
            accounts = List.of(); // the command itself reports why the ledger cannot be read
        }
        return new StringsCompleter(names(accounts, which), true).complete(session, commandLine, candidates);
    }

    /** @return the names of the accounts that pass {@code which}, in the ledger's order */
    static List<String> names(List<StakeAccount> accounts, Predicate<StakeAccount> which) {
        return accounts.stream().filter(which).map(StakeAccount::account).toList();
    }
}
