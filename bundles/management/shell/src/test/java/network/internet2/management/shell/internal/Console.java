package network.internet2.management.shell.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.rules.ExternalResource;

/** Captures what a command prints: Karaf gives each session its own {@code System.out}, and commands write to it. */
final class Console extends ExternalResource {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream saved;

    @Override
    protected void before() {
        saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Override
    protected void after() {
        System.setOut(saved);
    }

    /** @return what was printed, with {@code \n} line ends */
    String out() {
        return out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
