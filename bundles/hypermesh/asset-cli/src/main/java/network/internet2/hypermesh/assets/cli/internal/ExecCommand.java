package network.internet2.hypermesh.assets.cli.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.completers.FileCompleter;

import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.asset.AssetRegistry;
import network.internet2.hypermesh.vm.VmAccess;
import network.internet2.hypermesh.vm.VmRequest;
import network.internet2.hypermesh.vm.VmResult;

/**
 * {@code asset:exec}: runs a WebAssembly module in a VM allocation and prints its
 * output; the command fails unless the program exits with status 0.
 */
@Service
@Command(scope = "asset", name = "exec",
        description = "Runs a WASI (preview 1) WebAssembly module in a vm allocation, optionally inside a cpu "
                + "allocation, prints what it wrote to stdout and stderr, then how it ended. The command fails "
                + "unless the program exits with status 0. Options go before the arguments; everything after the "
                + "module file is passed to the program.")
public class ExecCommand implements Action {

    /** Instructions a run may execute unless --max-instructions says otherwise (as the REST interface). */
    static final long DEFAULT_MAX_INSTRUCTIONS = 1_000_000_000L;
    /** Wall-clock bound of a run unless --timeout says otherwise: 10 s. */
    static final long DEFAULT_TIMEOUT_MS = 10_000;
    /** The longest --timeout: 10 minutes, during which the console waits. */
    static final long MAX_TIMEOUT_MS = 600_000;
    /** The largest --stdin file. */
    static final long MAX_STDIN_BYTES = 16L * 1024 * 1024;

    @Reference
    AssetRegistry registry;

    /** The VM service, there only while the asset-vm feature is installed. */
    @Reference(optional = true)
    VmAccess vm;

    @Argument(index = 0, name = "vm-allocation", required = true,
            description = "The id of an active vm allocation (asset:allocate vm 64MiB makes one)")
    @Completion(VmAllocationCompleter.class)
    String allocationId;

    @Argument(index = 1, name = "module", required = true,
            description = "The .wasm file (at most 16 MiB); relative to the node's working directory")
    @Completion(FileCompleter.class)
    String module;

    @Argument(index = 2, name = "args", multiValued = true, description = "Arguments passed to the program")
    List<String> args;

    @Option(name = "--cpu", description = "The id of an active cpu allocation whose share the run takes")
    @Completion(CpuAllocationCompleter.class)
    String cpu;

    @Option(name = "--max-instructions", description = "Most WebAssembly instructions the run may execute")
    long maxInstructions = DEFAULT_MAX_INSTRUCTIONS;

    @Option(name = "--timeout", description = "Wall-clock bound of the run in milliseconds, at most 600000")
    long timeoutMs = DEFAULT_TIMEOUT_MS;

    @Option(name = "--stdin", description = "A file the program reads as its standard input (at most 16 MiB)")
    @Completion(FileCompleter.class)
    String stdin;

    @Override
    public Object execute() throws Exception {
        VmAccess access = vm;
        if (access == null) {
            throw new CommandException("the asset-vm feature is not installed, so nothing can run modules; "
                    + "install it with feature:install asset-vm");
        }
        VmRequest request = request();
        VmResult result;
        try {
            result = access.execute(allocationId, request);
        } catch (IllegalArgumentException e) {
            throw new CommandException("the VM refused the run: " + e.getMessage(), e);
        } catch (AssetException e) {
            throw new CommandException(e.getMessage(), e);
        }
        String outcome = print(result, System.out, System.err);
        if (!succeeded(result)) {
            throw new CommandException(outcome);
        }
        System.out.println(outcome);
        return null;
    }

    /** Checks the allocations and limits and reads the files, before anything runs. */
    private VmRequest request() throws CommandException {
        Lookup.active(registry, allocationId, "run a module in", VmAllocationCompleter.VM_KIND);
        if (cpu != null) {
            Lookup.active(registry, cpu, "run a module in", CpuAllocationCompleter.CPU_KIND);
        }
        if (maxInstructions < 1) {
            throw new CommandException("--max-instructions must be at least 1, not " + maxInstructions);
        }
        if (timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) {
            throw new CommandException("--timeout must be 1 to " + MAX_TIMEOUT_MS + " milliseconds, not " + timeoutMs);
        }
        byte[] wasm = InputFiles.read(InputFiles.resolve(module), "module", VmAccess.MAX_MODULE_BYTES);
        byte[] input = stdin == null ? new byte[0] : InputFiles.read(InputFiles.resolve(stdin), "stdin",
                MAX_STDIN_BYTES);
        return new VmRequest(wasm, args == null ? List.of() : args, input, cpu, maxInstructions,
                Duration.ofMillis(timeoutMs));
    }

    /** @return whether the program exited with status 0 */
    static boolean succeeded(VmResult result) {
        return result.outcome() == VmResult.Outcome.EXITED && result.exitCode() == 0;
    }

    /**
     * Writes the program's stdout and stderr as they are, ending stdout with a line
     * break if the program did not.
     *
     * @return how the run ended, see {@link Format#outcome}
     */
    static String print(VmResult result, PrintStream out, PrintStream err) {
        byte[] output = result.stdout();
        out.write(output, 0, output.length);
        if (output.length > 0 && output[output.length - 1] != '\n') {
            out.println();
        }
        out.flush();
        byte[] errors = result.stderr();
        err.write(errors, 0, errors.length);
        if (errors.length > 0 && errors[errors.length - 1] != '\n') {
            err.println();
        }
        err.flush();
        return Format.outcome(result);
    }
}
