package network.internet2.hypermesh.vm.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;

import org.junit.Test;

import network.internet2.hypermesh.vm.VmResult;
import network.internet2.hypermesh.vm.VmResult.Outcome;

public class SandboxModuleTest {

    private static final int CODE_LIMIT = 1024 * 1024;

    /** A binary module of the sections given (each an id followed by its content bytes). */
    private static byte[] module(int[]... sections) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        for (int[] section : sections) {
            out.write(section[0]);
            out.write(section.length - 1);
            for (int i = 1; i < section.length; i++) {
                out.write(section[i]);
            }
        }
        return out.toByteArray();
    }

    private static String refusal(byte[] module) {
        return assertThrows(IllegalArgumentException.class, () -> SandboxModule.check(module, CODE_LIMIT))
                .getMessage();
    }

    private static String refusal(String wat) {
        return refusal(Wat.wasm(wat));
    }

    @Test
    public void acceptsAWasiCommand() {
        SandboxModule hello = SandboxModule.check(Wat.wasm(Wat.HELLO), CODE_LIMIT);
        assertEquals(1, hello.initialPages());
        assertEquals(VmSettings.RUNTIME_MAX_PAGES, hello.ownMaxPages());
        assertEquals(4, hello.memoryLimits(4).maximumPages());
    }

    @Test
    public void refusesWhatIsNotAWasiCommand() {
        assertTrue(refusal(new byte[] {0, 'a', 's', 'm', 2, 0, 0, 0}).contains("not valid WebAssembly"));
        assertTrue(refusal(new byte[0]).contains("not valid WebAssembly"));
        assertTrue(refusal("(module (memory 1))").contains("exports no _start function"));
        assertTrue(refusal("(module (memory 1) (export \"_start\" (memory 0)))").contains("no _start function"));
        assertTrue(refusal("(module (func (export \"_start\") (param i32)))").contains("must take and return nothing"));
    }

    @Test
    public void refusesImportsOtherThanWasiFunctions() {
        String memory = refusal("(module (import \"env\" \"memory\" (memory 1)) (func (export \"_start\")))");
        assertTrue(memory, memory.contains("env.memory (memory)"));
        String unknown = refusal("(module (import \"wasi_snapshot_preview1\" \"no_such_call\" (func))"
                + " (func (export \"_start\")))");
        assertTrue(unknown, unknown.contains("wasi_snapshot_preview1.no_such_call"));
        String mistyped = refusal("(module (import \"wasi_snapshot_preview1\" \"proc_exit\" (func (param i64)))"
                + " (func (export \"_start\")))");
        assertTrue(mistyped, mistyped.contains("proc_exit") && mistyped.contains("WASI's is"));
    }

    @Test
    public void refusesWhatTheSandboxCannotBound() {
        String twoMemories = refusal(module(new int[] {5, 2, 0x00, 1, 0x00, 1}));
        assertTrue(twoMemories, twoMemories.contains("2 memories"));
        String shared = refusal(module(new int[] {5, 1, 0x03, 1, 1}));
        assertTrue(shared, shared.contains("shared memory"));
        String gc = refusal(module(new int[] {1, 1, 0x5e, 0x7f, 0x00}));
        assertTrue(gc, gc.contains("GC struct or array types"));
        String tags = refusal(module(new int[] {1, 1, 0x60, 0, 0}, new int[] {13, 1, 0x00, 0x00}));
        assertTrue(tags, tags.contains("exception tags"));
        String table = refusal("(module (table 300000 funcref) (func (export \"_start\")))");
        assertTrue(table, table.contains("300000 entries"));
        String code = assertThrows(IllegalArgumentException.class,
                () -> SandboxModule.check(Wat.wasm(Wat.HELLO), 64)).getMessage();
        assertTrue(code, code.contains("max.code.bytes"));
    }

    @Test
    public void holdsTableGrowthToTheSandboxsBound() throws Exception {
        VmAssetAdapter adapter = new VmAssetAdapter(VmAssetAdapterTest.settings(1), () -> VmAssetAdapterTest.HEAP);
        try {
            adapter.allocate("vm-1", VmAssetAdapterTest.PAGE);
            // exits with the size the table has after asking for 300,000 more entries, then for 1,000
            VmResult result = adapter.execute("vm-1", VmAssetAdapterTest.request(Wat.command("(memory 1) (table 10 funcref)",
                    "(func (export \"_start\")"
                            + "  (drop (table.grow (ref.null func) (i32.const 300000)))"
                            + "  (drop (table.grow (ref.null func) (i32.const 1000)))"
                            + "  (call $proc_exit (table.size)))"), 0, Duration.ZERO));
            assertEquals(result.detail(), Outcome.EXITED, result.outcome());
            assertEquals("the big grow refused, the small one granted", 1010, result.exitCode());
        } finally {
            adapter.deactivate();
        }
    }
}
