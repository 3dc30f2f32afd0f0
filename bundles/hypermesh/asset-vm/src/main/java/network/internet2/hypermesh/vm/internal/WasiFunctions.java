package network.internet2.hypermesh.vm.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.types.FunctionType;

/**
 * The only imports a sandboxed module may have: the functions of WASI
 * preview 1 ({@value #MODULE}) as Chicory implements them, with their types.
 * Learnt once from Chicory itself, so the list cannot drift from what is
 * really provided.
 */
final class WasiFunctions {

    /** The import module name of WASI preview 1. */
    static final String MODULE = "wasi_snapshot_preview1";

    private static final Map<String, FunctionType> TYPES = learnTypes();

    private WasiFunctions() {
    }

    /** @return the type of WASI function {@code module.name}, or {@code null} if the sandbox has no such function */
    static FunctionType type(String module, String name) {
        return MODULE.equals(module) ? TYPES.get(name) : null;
    }

    private static Map<String, FunctionType> learnTypes() {
        try (WasiPreview1 wasi = WasiPreview1.builder().withLogger(new WasiLog())
                .withOptions(WasiOptions.builder().build()).build()) {
            return Arrays.stream(wasi.toHostFunctions())
                    .collect(Collectors.toUnmodifiableMap(HostFunction::name, HostFunction::functionType));
        }
    }
}
