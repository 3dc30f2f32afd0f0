package network.internet2.hypermesh.proof.cli.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import network.internet2.hypermesh.proof.ConsensusProof;
import network.internet2.hypermesh.proof.ConsensusService;
import network.internet2.hypermesh.proof.Operation;
import network.internet2.hypermesh.proof.ProofException;
import network.internet2.hypermesh.proof.Verdict;

/** {@code proof:verify}: validates a consensus proof against an operation, or a fresh one for a sample. */
@Service
@Command(scope = "proof", name = "verify", description = "Validates a consensus proof (--proof, base64) against "
        + "the operation given by --kind, --subject and --payload; without --proof, proves that operation as this "
        + "node first. Prints the verdict and the times.")
public class VerifyCommand implements Action {

    @Reference
    ConsensusService consensus;

    @Option(name = "--proof", description = "The encoded consensus proof, base64")
    String proof;

    @Option(name = "--kind", description = "The operation's kind")
    String kind = "shell.verify";

    @Option(name = "--subject", description = "The operation's subject")
    String subject = "sample";

    @Option(name = "--payload", description = "The operation's payload, as UTF-8 text")
    String payload = "";

    @Override
    public Object execute() throws Exception {
        Operation operation = new Operation(kind, subject, payload.getBytes(StandardCharsets.UTF_8));
        ConsensusProof presented;
        try {
            if (proof == null) {
                long started = System.nanoTime();
                presented = consensus.prove(operation);
                System.out.println("Proved " + kind + " " + subject + " in " + Timing.millis(System.nanoTime()
                        - started) + ": proof " + presented.id() + " (" + presented.encoded().length + " bytes, "
                        + presented.proofs().size() + " proofs)");
            } else {
                presented = consensus.decode(Base64.getDecoder().decode(proof.trim()));
            }
        } catch (ProofException e) {
            throw new CommandException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CommandException("--proof is not base64: " + e.getMessage(), e);
        }
        long started = System.nanoTime();
        Verdict verdict = consensus.validate(operation, presented);
        String took = Timing.millis(System.nanoTime() - started);
        if (!verdict.valid()) {
            throw new CommandException("Refused in " + took + ": " + verdict.reason());
        }
        System.out.println("Valid (" + took + "): proof " + presented.id() + " of " + presented.nodeIdentity());
        return null;
    }
}
