package network.internet2.hypermesh.vm.internal;

import com.dylibso.chicory.wabt.Wat2Wasm;

/** Test modules, compiled from WebAssembly text by wabt's wat2wasm (itself WebAssembly, run by Chicory). */
final class Wat {

    /** The WASI functions the test modules import, with their WASI types. */
    static final String WASI_IMPORTS = ""
            + "(import \"wasi_snapshot_preview1\" \"fd_write\" (func $fd_write (param i32 i32 i32 i32) (result i32)))"
            + "(import \"wasi_snapshot_preview1\" \"fd_read\" (func $fd_read (param i32 i32 i32 i32) (result i32)))"
            + "(import \"wasi_snapshot_preview1\" \"args_sizes_get\" (func $args_sizes_get (param i32 i32) (result i32)))"
            + "(import \"wasi_snapshot_preview1\" \"args_get\" (func $args_get (param i32 i32) (result i32)))"
            + "(import \"wasi_snapshot_preview1\" \"proc_exit\" (func $proc_exit (param i32)))"
            + "(import \"wasi_snapshot_preview1\" \"poll_oneoff\" (func $poll_oneoff (param i32 i32 i32 i32) (result i32)))";

    /** {@code $write(fd, ptr, len)}: one fd_write through the iovec at 32 (nwritten at 40). */
    static final String WRITE = ""
            + "(func $write (param $fd i32) (param $ptr i32) (param $len i32)"
            + "  (i32.store (i32.const 32) (local.get $ptr))"
            + "  (i32.store (i32.const 36) (local.get $len))"
            + "  (drop (call $fd_write (local.get $fd) (i32.const 32) (i32.const 1) (i32.const 40))))";

    /**
     * Prints "hello" and then each argument on a line, echoes standard input to standard output, writes
     * "hello" to standard error and returns from {@code _start}.
     */
    static final String HELLO = command(""
            + "(data (i32.const 8) \"hello\\n\")"
            + "(func $strlen (param $p i32) (result i32) (local $n i32)"
            + "  (block $done (loop $next"
            + "    (br_if $done (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))"
            + "    (local.set $n (i32.add (local.get $n) (i32.const 1)))"
            + "    (br $next)))"
            + "  (local.get $n))"
            + "(func (export \"_start\") (local $argc i32) (local $i i32) (local $arg i32) (local $n i32)"
            + "  (call $write (i32.const 1) (i32.const 8) (i32.const 6))"
            + "  (drop (call $args_sizes_get (i32.const 0) (i32.const 4)))"
            + "  (local.set $argc (i32.load (i32.const 0)))"
            + "  (drop (call $args_get (i32.const 1024) (i32.const 2048)))"
            + "  (local.set $i (i32.const 1))"
            + "  (block $args_done (loop $args"
            + "    (br_if $args_done (i32.ge_u (local.get $i) (local.get $argc)))"
            + "    (local.set $arg (i32.load (i32.add (i32.const 1024) (i32.mul (local.get $i) (i32.const 4)))))"
            + "    (call $write (i32.const 1) (local.get $arg) (call $strlen (local.get $arg)))"
            + "    (call $write (i32.const 1) (i32.const 13) (i32.const 1))"
            + "    (local.set $i (i32.add (local.get $i) (i32.const 1)))"
            + "    (br $args)))"
            + "  (block $eof (loop $read"
            + "    (i32.store (i32.const 48) (i32.const 4096))"
            + "    (i32.store (i32.const 52) (i32.const 4096))"
            + "    (br_if $eof (call $fd_read (i32.const 0) (i32.const 48) (i32.const 1) (i32.const 56)))"
            + "    (local.set $n (i32.load (i32.const 56)))"
            + "    (br_if $eof (i32.eqz (local.get $n)))"
            + "    (call $write (i32.const 1) (i32.const 4096) (local.get $n))"
            + "    (br $read)))"
            + "  (call $write (i32.const 2) (i32.const 8) (i32.const 5)))");

    private Wat() {
    }

    /** A WASI command: the WASI imports, one page of memory, {@code $write}, and {@code body}. */
    static String command(String body) {
        return command("(memory (export \"memory\") 1)", body);
    }

    /** A WASI command with the memory declaration given. */
    static String command(String memory, String body) {
        return "(module " + WASI_IMPORTS + " " + memory + " " + WRITE + " " + body + ")";
    }

    /** @return the binary module of {@code text} */
    static byte[] wasm(String text) {
        return Wat2Wasm.parse(text);
    }
}
