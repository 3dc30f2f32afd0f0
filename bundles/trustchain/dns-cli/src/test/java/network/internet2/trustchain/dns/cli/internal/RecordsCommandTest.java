package network.internet2.trustchain.dns.cli.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;

public class RecordsCommandTest {

    @Rule
    public Console console = new Console();

    private final FakeDns dns = FakeDns.sampleZone();

    private List<String> run(String type, String owner, boolean full) throws Exception {
        RecordsCommand command = new RecordsCommand();
        command.dns = dns;
        command.type = type;
        command.owner = owner;
        command.full = full;
        assertEquals(null, command.execute());
        return List.of(console.out().split("\n"));
    }

    /** @return the cells of each table line below the header's underline */
    private static List<List<String>> rows(List<String> lines) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            List<String> cells = new ArrayList<>();
            for (String cell : line.split("[|\u2502]")) {
                cells.add(cell.strip());
            }
            rows.add(cells);
        }
        return rows;
    }

    @Test
    public void listsEveryRecordInCanonicalOrderInAlignedColumns() throws Exception {
        List<String> lines = run(null, null, false);
        assertEquals(List.of("Name", "Type", "TTL", "Data", "Owner"), List.of(lines.get(0).split("\\s*[|\u2502]\\s*"))
                .stream().map(String::strip).toList());
        List<List<String>> rows = rows(lines);
        assertEquals(dns.records.size(), rows.size());
        assertEquals(List.of("internet2.network.", "SOA", "3600",
                "dns.internet2.network. hostmaster.internet2.network. 7 3600 900 604800 300", "zone"), rows.get(0));
        assertEquals(List.of("printer.internet2.network.", "AAAA", "300", "2001:db8::7", "operator"), rows.get(5));
        assertEquals(List.of("stoq.internet2.network.", "AAAA", "60", "2001:db8::11", "network.internet2.stoq"),
                rows.get(7));

        // every line, header included, has its column separators at the same places
        List<Integer> separators = separators(lines.get(0));
        assertEquals(4, separators.size());
        for (String line : lines) {
            if (!line.startsWith("-") && !line.startsWith("\u2500")) {
                assertEquals(line, separators, separators(line));
            }
        }
        // TTLs are right-aligned
        String ttlOf300 = lines.get(7).substring(separators.get(1), separators.get(2));
        String ttlOf3600 = lines.get(2).substring(separators.get(1), separators.get(2));
        assertEquals(ttlOf3600.length(), ttlOf300.length());
        assertTrue(ttlOf300, ttlOf300.endsWith("300 "));
    }

    private static List<Integer> separators(String line) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '|' || line.charAt(i) == '\u2502') {
                positions.add(i);
            }
        }
        return positions;
    }

    @Test
    public void shortensRrsigSignaturesUnlessFull() throws Exception {
        String shortened = rows(run("RRSIG", null, false)).get(0).get(3);
        assertEquals("DNSKEY 13 2 3600 20261201000000 20261124000000 4711 internet2.network. SSSSSSSS...",
                shortened);

        console.reset();
        String full = rows(run("RRSIG", null, true)).get(0).get(3);
        assertTrue(full, full.endsWith(" internet2.network. " + "S".repeat(88)));
    }

    @Test
    public void leavesOtherLongDataWhole() throws Exception {
        String key = rows(run("DNSKEY", null, false)).get(0).get(3);
        assertEquals("257 3 13 " + "K".repeat(88), key);
    }

    @Test
    public void filtersByTypeInAnyCaseAndByOwner() throws Exception {
        List<List<String>> addresses = rows(run("aaaa", null, false));
        assertEquals(4, addresses.size());
        addresses.forEach(row -> assertEquals("AAAA", row.get(1)));

        console.reset();
        List<List<String>> stoq = rows(run(null, "network.internet2.stoq", false));
        assertEquals(List.of("2001:db8::10", "2001:db8::11"), stoq.stream().map(row -> row.get(3)).toList());

        console.reset();
        List<List<String>> both = rows(run("AAAA", "zone", false));
        assertEquals(1, both.size());
        assertEquals("dns.internet2.network.", both.get(0).get(0));
    }

    @Test
    public void saysSoWhenNoRecordMatches() throws Exception {
        List<String> lines = run("mx", "operator", false);
        assertEquals("No record of type mx owned by operator.", lines.get(lines.size() - 1));
        assertFalse(console.out().contains("2001:db8"));

        console.reset();
        dns.records.clear();
        List<String> empty = run(null, null, false);
        assertEquals("The zone has no records.", empty.get(empty.size() - 1));
    }
}
