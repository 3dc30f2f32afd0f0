package network.internet2.hypermesh.proof.stake.cli.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;

import network.internet2.hypermesh.proof.stake.StakeAccount;
import network.internet2.hypermesh.proof.stake.StakeLedger;

/** Completes the accounts whose staking key this node holds: the only ones {@code proof:stake-withdraw} can sign for. */
@Service
public class HeldAccountCompleter implements Completer {

    @Reference
    StakeLedger ledger;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return AccountCompleter.complete(ledger, StakeAccount::heldHere, session, commandLine, candidates);
    }
}
