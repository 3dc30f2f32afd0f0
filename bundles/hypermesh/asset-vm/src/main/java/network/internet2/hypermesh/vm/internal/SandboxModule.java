package network.internet2.hypermesh.vm.internal;

import java.util.Locale;

import com.dylibso.chicory.runtime.TableFactory;
import com.dylibso.chicory.runtime.TableInstance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.RawSection;
import com.dylibso.chicory.wasm.types.SectionId;
import com.dylibso.chicory.wasm.types.Table;
import com.dylibso.chicory.wasm.types.TableLimits;
import com.dylibso.chicory.wasm.types.TypeSection;

import network.internet2.hypermesh.vm.VmAccess;

/**
 * A module that passed the sandbox's checks: valid WebAssembly, a WASI
 * command (a {@code _start} function taking and returning nothing), importing
 * nothing but WASI preview 1 functions, with at most one unshared memory, no
 * GC struct or array types, no exception tags, tables of at most
 * {@value #MAX_TABLE_ENTRIES} entries in all, and a code section of a size
 * the node accepts. Everything else the node could not bound is refused here,
 * before it is instantiated.
 *
 * <p>Why the code section is bounded: Chicory holds every instruction as an
 * object, about 50 bytes of heap per instruction, so a module's parsed code
 * costs up to 50 times its size in heap.
 */
final class SandboxModule {

    /** The most table entries a module may have in all (each costs about 12 bytes of heap). */
    static final long MAX_TABLE_ENTRIES = 1 << 18;
    /** The WASI command's entry point. */
    static final String START = "_start";

    private final WasmModule wasm;
    private final boolean hasMemory;
    private final MemoryLimits declared;
    private final long spareTableEntries;
    private final int tableCount;

    private SandboxModule(WasmModule wasm) {
        this.wasm = wasm;
        this.hasMemory = wasm.memorySection().map(memories -> memories.memoryCount() > 0).orElse(false);
        this.declared = hasMemory ? wasm.memorySection().get().getMemory(0).limits() : null;
        this.tableCount = wasm.tableSection().tableCount();
        long declaredEntries = 0;
        for (int i = 0; i < tableCount; i++) {
            declaredEntries += wasm.tableSection().getTable(i).limits().min();
        }
        this.spareTableEntries = MAX_TABLE_ENTRIES - declaredEntries;
    }

    /**
     * Parses and checks a module.
     *
     * @param maxCodeBytes the largest code section accepted
     * @throws IllegalArgumentException saying what is wrong with the module
     */
    static SandboxModule check(byte[] bytes, int maxCodeBytes) {
        if (bytes.length > VmAccess.MAX_MODULE_BYTES) {
            throw new IllegalArgumentException("the module has " + bytes.length + " bytes, more than the "
                    + VmAccess.MAX_MODULE_BYTES + " accepted");
        }
        int codeBytes = codeSectionBytes(bytes);
        if (codeBytes > maxCodeBytes) {
            throw new IllegalArgumentException("the module's code section has " + codeBytes
                    + " bytes, more than the " + maxCodeBytes + " this node accepts (max.code.bytes)");
        }
        WasmModule wasm;
        try {
            wasm = Parser.parse(bytes);
        } catch (RuntimeException invalid) {
            // whatever the parser of untrusted bytes throws means the same: not a module
            throw notWebAssembly(invalid);
        }
        checkImports(wasm);
        checkTypes(wasm);
        checkMemories(wasm);
        checkTables(wasm);
        checkStart(wasm);
        return new SandboxModule(wasm);
    }

    /** @return the parsed module */
    WasmModule wasm() {
        return wasm;
    }

    /** @return the size its memory starts with, in pages (0 without a memory) */
    int initialPages() {
        return hasMemory ? declared.initialPages() : 0;
    }

    /**
     * @param capPages the most pages the allocation allows, at least {@link #initialPages()}
     * @return the module's memory limits lowered to {@code capPages}
     */
    MemoryLimits memoryLimits(int capPages) {
        if (!hasMemory) {
            return null;
        }
        return new MemoryLimits(declared.initialPages(), Math.min(declared.maximumPages(), capPages));
    }

    /** @return the most pages the module's own declaration lets its memory grow to (0 without a memory) */
    int ownMaxPages() {
        return hasMemory ? Math.min(declared.maximumPages(), VmSettings.RUNTIME_MAX_PAGES) : 0;
    }

    /** @return a table factory holding the module's tables to {@value #MAX_TABLE_ENTRIES} entries in all */
    TableFactory tables() {
        long sharePerTable = tableCount == 0 ? 0 : spareTableEntries / tableCount;
        return (table, initialValue) -> {
            TableLimits limits = table.limits();
            long max = Math.min(limits.max(), limits.min() + sharePerTable);
            return new TableInstance(new Table(table.elementType(), new TableLimits(limits.min(), max),
                    table.initialize()), initialValue);
        };
    }

    private static int codeSectionBytes(byte[] bytes) {
        int[] code = {0};
        try {
            Parser.parseWithoutDecoding(bytes, section -> {
                if (section.sectionId() == SectionId.CODE && section instanceof RawSection) {
                    code[0] = ((RawSection) section).contents().length;
                }
            });
        } catch (RuntimeException invalid) {
            throw notWebAssembly(invalid);
        }
        return code[0];
    }

    private static void checkImports(WasmModule wasm) {
        for (int i = 0; i < wasm.importSection().importCount(); i++) {
            Import wanted = wasm.importSection().getImport(i);
            FunctionType provided = wanted.importType() == ExternalType.FUNCTION
                    ? WasiFunctions.type(wanted.module(), wanted.name()) : null;
            if (provided == null) {
                throw new IllegalArgumentException("the module imports " + wanted.module() + "." + wanted.name()
                        + " (" + wanted.importType().name().toLowerCase(Locale.ROOT)
                        + "), which the sandbox does not provide: only the functions of WASI preview 1 ("
                        + WasiFunctions.MODULE + ") can be imported");
            }
            FunctionType asked = wasm.typeSection().getType(((FunctionImport) wanted).typeIndex());
            if (!provided.equals(asked)) {
                throw new IllegalArgumentException("the module imports " + wanted.module() + "." + wanted.name()
                        + " as " + asked + ", but WASI's is " + provided);
            }
        }
    }

    private static void checkTypes(WasmModule wasm) {
        TypeSection types = wasm.typeSection();
        for (int i = 0; i < types.subTypeCount(); i++) {
            if (types.getSubType(i).compType().funcType() == null) {
                throw new IllegalArgumentException("the module declares GC struct or array types (type " + i
                        + "), which the sandbox does not support");
            }
        }
        if (wasm.tagSection().map(tags -> tags.tagCount() > 0).orElse(false)) {
            throw new IllegalArgumentException("the module declares exception tags, which the sandbox does not "
                    + "support");
        }
    }

    private static void checkMemories(WasmModule wasm) {
        int count = wasm.memorySection().map(memories -> memories.memoryCount()).orElse(0);
        if (count > 1) {
            throw new IllegalArgumentException("the module declares " + count
                    + " memories; the sandbox supports one");
        }
        if (count == 1 && wasm.memorySection().get().getMemory(0).limits().shared()) {
            throw new IllegalArgumentException("the module declares a shared memory (threads), which the sandbox "
                    + "does not support");
        }
    }

    private static void checkTables(WasmModule wasm) {
        long entries = 0;
        for (int i = 0; i < wasm.tableSection().tableCount(); i++) {
            entries += wasm.tableSection().getTable(i).limits().min();
        }
        if (entries > MAX_TABLE_ENTRIES) {
            throw new IllegalArgumentException("the module's tables start with " + entries
                    + " entries, more than the " + MAX_TABLE_ENTRIES + " the sandbox allows");
        }
    }

    private static void checkStart(WasmModule wasm) {
        Export start = null;
        for (int i = 0; i < wasm.exportSection().exportCount(); i++) {
            Export export = wasm.exportSection().getExport(i);
            if (START.equals(export.name())) {
                start = export;
            }
        }
        if (start == null || start.exportType() != ExternalType.FUNCTION) {
            throw new IllegalArgumentException("the module is not a WASI command: it exports no " + START
                    + " function");
        }
        FunctionType type = wasm.typeSection().getType(typeIndex(wasm, start.index()));
        if (!type.params().isEmpty() || !type.returns().isEmpty()) {
            throw new IllegalArgumentException("the module's " + START + " function must take and return "
                    + "nothing, it is " + type);
        }
    }

    private static int typeIndex(WasmModule wasm, int function) {
        int imported = 0;
        for (int i = 0; i < wasm.importSection().importCount(); i++) {
            Import candidate = wasm.importSection().getImport(i);
            if (candidate instanceof FunctionImport) {
                if (imported == function) {
                    return ((FunctionImport) candidate).typeIndex();
                }
                imported++;
            }
        }
        return wasm.functionSection().getFunctionType(function - imported);
    }

    private static IllegalArgumentException notWebAssembly(RuntimeException invalid) {
        return new IllegalArgumentException("the module is not valid WebAssembly: " + invalid.getMessage(),
                invalid);
    }
}
