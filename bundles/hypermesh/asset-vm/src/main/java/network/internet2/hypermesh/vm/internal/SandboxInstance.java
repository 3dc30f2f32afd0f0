package network.internet2.hypermesh.vm.internal;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.dylibso.chicory.runtime.ByteBufferMemory;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;

/**
 * How a checked module is instantiated in the sandbox: WASI preview 1 with
 * the program's arguments ({@code argv[0]} is {@value #PROGRAM_NAME}),
 * standard input from bytes and output to capped streams, clocks and the
 * random bytes given, and nothing else (no preopened directories, no
 * environment); the guarded interpreter, metered; memory 0 lowered to the
 * allocation's cap and held as heap pages; tables bounded; {@code _start} not
 * yet called.
 */
final class SandboxInstance {

    /** {@code argv[0]} of every module. */
    static final String PROGRAM_NAME = "module.wasm";

    private SandboxInstance() {
    }

    /** @return the WASI of one run; the caller closes it */
    static WasiPreview1 wasi(List<String> arguments, byte[] stdin, OutputStream stdout, OutputStream stderr,
            Random random) {
        List<String> argv = new ArrayList<>(List.of(PROGRAM_NAME));
        argv.addAll(arguments);
        WasiOptions options = WasiOptions.builder().withArguments(argv)
                .withStdin(new ByteArrayInputStream(stdin), false).withStdout(stdout, false)
                .withStderr(stderr, false).withRandom(random).build();
        return WasiPreview1.builder().withLogger(new WasiLog()).withOptions(options).build();
    }

    /**
     * Instantiates {@code module}: links WASI, initialises memory, tables and globals and runs the module's
     * start section (if any), all under {@code meter}.
     *
     * @param capPages the allocation's cap, at least the module's initial memory
     */
    static Instance instantiate(SandboxModule module, WasiPreview1 wasi, InstructionMeter meter, int capPages) {
        return Instance.builder(module.wasm())
                .withImportValues(ImportValues.builder().addFunction(wasi.toHostFunctions()).build())
                .withMachineFactory(GuardedMachine::new)
                .withUnsafeExecutionListener(meter)
                .withMemoryLimits(module.memoryLimits(capPages))
                .withMemoryFactory(limits -> {
                    ByteBufferMemory memory = new ByteBufferMemory(limits);
                    meter.watch(memory);
                    return memory;
                })
                .withTableFactory(module.tables())
                .withStart(false)
                .build();
    }
}
