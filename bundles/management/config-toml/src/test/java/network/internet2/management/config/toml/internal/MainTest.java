package network.internet2.management.config.toml.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class MainTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path toml(String text) throws Exception {
        Path file = folder.newFile().toPath();
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    public void checkPrintsWarningsAndNotesAndSucceeds() throws Exception {
        assertEquals(0, run("check", toml("[global]\nport = 4433\nfoo = 1\n[trustchain.ca]\nca_mode = \"embedded\"\n")
                .toString()));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed, printed.startsWith("warning: unknown key global.foo: ignored"));
        assertTrue(printed, printed.contains("\nnote: trustchain.ca.ca_mode = \"embedded\": accepted, no effect: "));
    }

    @Test
    public void refusesABadFileNamingEveryKeyAndWritesNothing() throws Exception {
        Path etc = folder.newFolder("etc").toPath();
        assertEquals(Main.REFUSED, run("apply", toml("[global]\nport = 0\nbind_address = \"10.0.0.1\"\n").toString(),
                etc.toString()));
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed, printed.startsWith("configuration refused, nothing was applied (2 problems):\n"
                + "  global.port: 0 is not a port"));
        assertTrue(printed, printed.contains("\n  global.bind_address: \"10.0.0.1\" is an IPv4 address"));
        try (var files = Files.list(etc)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    public void applyWritesCfgFilesAndExportReadsThemBack() throws Exception {
        Path etc = folder.newFolder("etc").toPath();
        Files.writeString(etc.resolve(SeedKeys.DNS + ".cfg"), "port = 8053\nzone = internet2.network\n");
        assertEquals(0, run("apply", toml("[trustchain.dns]\nport = 5353\n[hypermesh.consensus]\n"
                + "validation_timeout = \"250ms\"\n").toString(), etc.toString()));
        assertEquals("created " + etc.resolve(SeedKeys.CONSENSUS + ".cfg") + "\nupdated "
                + etc.resolve(SeedKeys.DNS + ".cfg") + "\n", out.toString(StandardCharsets.UTF_8));
        out.reset();
        assertEquals(0, run("export", etc.toString()));
        String exported = out.toString(StandardCharsets.UTF_8);
        assertTrue(exported, exported.contains("\nport = 5353\nzone = \"internet2.network\"\n"));
        assertTrue(exported, exported.contains("\nvalidation_timeout = \"250ms\"\n"));
    }

    @Test
    public void saysHowToUseItAndWhichFileIsMissing() {
        assertEquals(Main.USAGE, run("apply", "only-one-argument"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("usage: check <file.toml> [etc-dir] | apply"));
        err.reset();
        assertEquals(Main.USAGE, run("check", folder.getRoot().toPath().resolve("missing.toml").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("no such file: "));
    }

    /** The production profile's STOQ file says UDP 443 on ::; a TOML that moves DNS there must not be written. */
    @Test
    public void refusesADnsPortTheStoqCfgFileAlreadyUses() throws Exception {
        Path etc = folder.newFolder("etc").toPath();
        Files.writeString(etc.resolve(SeedKeys.STOQ + ".cfg"), "bind.address = ::\nport = 443\n");
        Path dns = etc.resolve(SeedKeys.DNS + ".cfg");
        Files.writeString(dns, "bind.address = ::\nport = 53\n");
        Path toml = toml("[trustchain.dns]\nport = 443\n");
        assertEquals(0, run("check", toml.toString()));
        assertEquals(Main.REFUSED, run("check", toml.toString(), etc.toString()));
        assertEquals(Main.REFUSED, run("apply", toml.toString(), etc.toString()));
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed, printed.startsWith("configuration refused, nothing was applied (1 problem):\n"
                + "  trustchain.dns.port: 443 is also the STOQ port, global.port = 443 (already set on the node), on "
                + "overlapping addresses: STOQ on :: (already set on the node), DNS on :: (already set on the node)"));
        assertEquals("bind.address = ::\nport = 53\n", Files.readString(dns));
    }

    /** An etc/ without a STOQ file: the transport listens on its default, ::1 port 4433. */
    @Test
    public void refusesTheDefaultStoqPortWhenEtcHasNoStoqFile() throws Exception {
        Path etc = folder.newFolder("etc").toPath();
        assertEquals(Main.REFUSED, run("apply", toml("[trustchain.dns]\nport = 4433\n").toString(), etc.toString()));
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed, printed.contains("\n  trustchain.dns.port: 4433 is also the STOQ port, global.port = 4433 "
                + "(the default)"));
        try (var files = Files.list(etc)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    public void writesNoFileWhenOneCannotBeWritten() throws Exception {
        Path etc = folder.newFolder("etc").toPath();
        Path alerts = etc.resolve(SeedKeys.ALERTS + ".cfg");
        Files.writeString(alerts, "stoq.throughput.alert.ratio = 0.9\n");
        Path stoq = Files.createDirectories(etc.resolve(SeedKeys.STOQ + ".cfg").resolve("not-a-file"));
        assertEquals(Main.USAGE, run("apply", toml("[management.alerts]\nstoq_throughput_alert_ratio = 0.5\n"
                + "[stoq.performance]\ncongestion_control = \"bbr\"\n").toString(), etc.toString()));
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed, printed.startsWith("cannot write: could not apply " + stoq.getParent() + " ("));
        assertTrue(printed, printed.endsWith("; nothing was changed\n"));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertEquals("stoq.throughput.alert.ratio = 0.9\n", Files.readString(alerts));
    }
}
