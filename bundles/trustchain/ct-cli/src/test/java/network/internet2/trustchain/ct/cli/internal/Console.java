package network.internet2.trustchain.ct.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.rules.ExternalResource;

/**
 * Captures what a command prints: Karaf gives each session its own
 * {@code System.out} and {@code System.err}, and the commands write to those.
 */
final class Console extends ExternalResource {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @Override
    protected void before() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Override
    protected void after() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    /** Forgets what was printed so far, to capture the next command alone. */
    void reset() {
        out.reset();
        err.reset();
    }

    /** @return what was printed to the standard output, with {@code \n} line ends */
    String out() {
        return out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    /** @return what was printed to the error stream, with {@code \n} line ends */
    String err() {
        return err.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
