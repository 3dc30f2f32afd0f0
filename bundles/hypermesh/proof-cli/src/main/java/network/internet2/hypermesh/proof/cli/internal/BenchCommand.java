package network.internet2.hypermesh.proof.cli.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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

/** {@code proof:bench}: proves and validates sample operations and reports the latencies. */
@Service
@Command(scope = "proof", name = "bench", description = "Proves and validates --count sample operations (at most "
        + "1000, stopping after 120 s) and prints p50/p99 of proving and validating; consensus:status then shows "
        + "the figures per proof type.")
public class BenchCommand implements Action {

    static final int MAX_COUNT = 1000;
    static final long MAX_NANOS = 120_000_000_000L;

    @Reference
    ConsensusService consensus;

    @Option(name = "--count", aliases = "-n", description = "How many operations (1..1000, default 20)")
    int count = 20;

    @Override
    public Object execute() throws Exception {
        if (count < 1 || count > MAX_COUNT) {
            throw new CommandException("--count must be between 1 and " + MAX_COUNT + ", not " + count);
        }
        long[] prove = new long[count];
        long[] validate = new long[count];
        long deadline = System.nanoTime() + MAX_NANOS;
        int done = 0;
        while (done < count && System.nanoTime() < deadline) {
            Operation operation = new Operation("shell.bench", "op-" + done,
                    Integer.toString(done).getBytes(StandardCharsets.UTF_8));
            long started = System.nanoTime();
            ConsensusProof proof;
            try {
                proof = consensus.prove(operation);
            } catch (ProofException e) {
                throw new CommandException("proving failed after " + done + " operations: " + e.getMessage(), e);
            }
            long proved = System.nanoTime();
            Verdict verdict = consensus.validate(operation, proof);
            validate[done] = System.nanoTime() - proved;
            prove[done] = proved - started;
            if (!verdict.valid()) {
                throw new CommandException("validation refused operation " + done + ": " + verdict.reason());
            }
            done++;
        }
        System.out.println(done + " operations" + (done < count ? " (stopped at the 120 s bound)" : "")
                + ": prove " + percentiles(prove, done) + "; validate " + percentiles(validate, done));
        return null;
    }

    static String percentiles(long[] nanos, int count) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return "p50 " + Timing.millis(sorted[(int) Math.ceil(0.5 * count) - 1]) + ", p99 "
                + Timing.millis(sorted[(int) Math.ceil(0.99 * count) - 1]) + ", max "
                + Timing.millis(sorted[count - 1]);
    }
}
