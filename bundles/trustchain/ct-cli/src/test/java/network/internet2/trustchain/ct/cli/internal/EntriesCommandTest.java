package network.internet2.trustchain.ct.cli.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;

import network.internet2.trustchain.ct.LogException;

public class EntriesCommandTest {

    private static FakeLog certificates;

    @Rule
    public Console console = new Console();

    @BeforeClass
    public static void logTwentyFiveCertificates() throws Exception {
        certificates = FakeLog.ofCertificates(25);
    }

    /** A fresh log with the same 25 entries, so that each test has its own calls and settings. */
    private static FakeLog log() {
        FakeLog log = new FakeLog();
        certificates.entries.forEach(entry -> log.append(entry.leafInput(), entry.extraData()));
        return log;
    }

    private List<String> run(FakeLog log, Long start, int count) throws Exception {
        EntriesCommand command = command(log, start, count);
        assertEquals(null, command.execute());
        return List.of(console.out().split("\n"));
    }

    private static EntriesCommand command(FakeLog log, Long start, int count) {
        EntriesCommand command = new EntriesCommand();
        command.log = log;
        command.start = start;
        command.count = count;
        return command;
    }

    /** @return the cells of each table line below the header's underline, the footer line left out */
    private static List<List<String>> rows(List<String> lines) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(2, lines.size() - 1)) {
            List<String> cells = new ArrayList<>();
            for (String cell : line.split("[|\u2502]")) {
                cells.add(cell.strip());
            }
            rows.add(cells);
        }
        return rows;
    }

    private static List<String> row(int i) {
        return List.of(Integer.toString(i), "x509", "CN=host" + i + ".internet2.network",
                Format.time(FakeLog.notAfter(i)), Integer.toHexString(1000 + i));
    }

    @Test
    public void listsTheLastTwentyEntriesByDefaultDecodedInAlignedColumns() throws Exception {
        FakeLog log = log();
        List<String> lines = run(log, null, EntriesCommand.DEFAULT_COUNT);
        assertEquals(List.of("Index", "Type", "Subject", "Not after", "Serial"),
                List.of(lines.get(0).split("\\s*[|\u2502]\\s*")).stream().map(String::strip).toList());
        List<List<String>> rows = rows(lines);
        assertEquals(20, rows.size());
        assertEquals(row(5), rows.get(0));
        assertEquals(List.of("24", "x509", "CN=host24.internet2.network", "2027-01-25T00:00:00Z", "400"),
                rows.get(19));
        assertEquals("Entries 5 to 24 of the 25 in the latest signed tree head.", lines.get(lines.size() - 1));
        assertEquals(List.of("entries 5 24"), log.calls);
        // indices are right-aligned: 9 under the 4 of 24
        int bar = lines.get(0).indexOf('|') >= 0 ? lines.get(0).indexOf('|') : lines.get(0).indexOf('\u2502');
        assertEquals(' ', lines.get(6).charAt(bar - 1));
        assertEquals('9', lines.get(6).charAt(bar - 2));
        assertEquals('0', lines.get(7).charAt(bar - 2));
        assertEquals("", console.err());
    }

    @Test
    public void listsFromStartAndAsksAgainWhereTheLogStopped() throws Exception {
        FakeLog log = log();
        log.maxPerRequest = 3;
        List<List<String>> rows = rows(run(log, 2L, 7));
        assertEquals(List.of(row(2), row(3), row(4), row(5), row(6), row(7), row(8)), rows);
        assertEquals(List.of("entries 2 8", "entries 5 8", "entries 8 8"), log.calls);
    }

    @Test
    public void stopsAtTheEndOfTheSignedTree() throws Exception {
        FakeLog log = log();
        log.signedSize = 10;
        List<String> lines = run(log, null, 1000);
        assertEquals(10, rows(lines).size());
        assertEquals("Entries 0 to 9 of the 10 in the latest signed tree head.", lines.get(lines.size() - 1));

        console.reset();
        List<List<String>> tail = rows(run(log, 8L, 5));
        assertEquals(List.of(row(8), row(9)), tail);
        assertEquals(List.of("entries 0 9", "entries 8 9"), log.calls);
    }

    @Test
    public void showsPrecertificatesAndEntriesItCannotDecodeInTheirRows() throws Exception {
        FakeLog log = new FakeLog();
        X509Certificate precertificate = TestCertificates.precertificate("CN=pre.internet2.network",
                BigInteger.valueOf(0xabc), Instant.parse("2027-02-03T04:05:06Z"));
        X509Certificate finalCertificate = TestCertificates.certificate("CN=pre.internet2.network",
                BigInteger.valueOf(0xabc), Instant.parse("2027-02-03T04:05:06Z"));
        byte[] issuerKeyHash = ReferenceTree.sha256(new byte[] {9});
        log.append(CtEncoding.precertLeaf(1, issuerKeyHash, finalCertificate.getTBSCertificate()),
                CtEncoding.precertExtra(precertificate, finalCertificate));
        log.append(new byte[] {1, 0}, new byte[0]);
        log.append(CtEncoding.precertLeaf(2, issuerKeyHash, finalCertificate.getTBSCertificate()), new byte[0]);
        List<List<String>> rows = rows(run(log, 0L, 20));
        List<String> precert = List.of("precert", "CN=pre.internet2.network", "2027-02-03T04:05:06Z", "abc");
        assertEquals("0", rows.get(0).get(0));
        assertEquals(precert, rows.get(0).subList(1, 5));
        assertEquals(List.of("1", "?", "cannot decode the leaf: MerkleTreeLeaf version 1 is not v1 (0)"),
                rows.get(1).subList(0, 3));
        assertEquals(precert, rows.get(2).subList(1, 5));
    }

    @Test
    public void refusesACountOver1000OrUnder1WithoutReadingTheLog() {
        FakeLog log = log();
        assertEquals("--count must be from 1 to 1000, not 1001; list a larger range in several steps with --start",
                assertThrows(CommandException.class, command(log, null, 1001)::execute).getMessage());
        assertEquals("--count must be from 1 to 1000, not 0; list a larger range in several steps with --start",
                assertThrows(CommandException.class, command(log, 3L, 0)::execute).getMessage());
        assertEquals("--start must be 0 or more, not -1: entries are numbered from 0",
                assertThrows(CommandException.class, command(log, -1L, 5)::execute).getMessage());
        assertEquals(List.of(), log.calls);
        assertEquals("", console.out());
    }

    @Test
    public void refusesAStartBeyondTheTree() {
        FakeLog log = log();
        assertEquals("--start 25 is beyond the log: the latest signed tree head has 25 entries, numbered 0 to 24",
                assertThrows(CommandException.class, command(log, 25L, 5)::execute).getMessage());
        log.signedSize = 1;
        assertEquals("--start 3 is beyond the log: the latest signed tree head has 1 entry, numbered 0",
                assertThrows(CommandException.class, command(log, 3L, 5)::execute).getMessage());
        assertEquals(List.of(), log.calls);
        assertEquals("", console.out());
    }

    @Test
    public void saysSoWhenTheLogIsEmpty() throws Exception {
        FakeLog log = new FakeLog();
        assertEquals(List.of("The log has no entries yet (the latest signed tree head has size 0)."),
                run(log, null, 20));
        assertEquals(List.of(), log.calls);
    }

    @Test
    public void reportsWhatTheLogRefusesOrCannotDoAsAnError() {
        FakeLog log = log();
        log.failure = new LogException.Unavailable("cannot read the log: disk error", null);
        assertEquals("cannot read the log's entries 5 to 24: cannot read the log: disk error",
                assertThrows(CommandException.class, command(log, null, 20)::execute).getMessage());
        log.failure = new LogException.BadRequest("start (5) is beyond the tree (size 3)");
        assertEquals("the log refused entries 5 to 24: start (5) is beyond the tree (size 3)",
                assertThrows(CommandException.class, command(log, null, 20)::execute).getMessage());
        assertEquals("", console.out());
    }

    @Test
    public void reportsALogThatStopsReturningEntries() {
        FakeLog log = log();
        log.maxPerRequest = 0;
        assertEquals("the log returned no entry from index 20 although its signed tree head goes up to 24; its "
                + "storage may be damaged: look for read errors in the node's log (log:display)",
                assertThrows(CommandException.class, command(log, 20L, 10)::execute).getMessage());
        assertEquals("", console.out());
    }
}
