package network.internet2.trustchain.ca.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class IssuanceJournalTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void keepsEveryAppendedEntryAcrossReopen() throws IOException {
        Path file = folder.getRoot().toPath().resolve("journal.log");
        try (IssuanceJournal journal = IssuanceJournal.open(file)) {
            journal.append("ISSUE|1|a");
            journal.append("REVOKE|1|2|1");
        }
        try (IssuanceJournal journal = IssuanceJournal.open(file)) {
            assertEquals(List.of("ISSUE|1|a", "REVOKE|1|2|1"), journal.entries());
        }
    }

    @Test
    public void cutsOffATornLastLineAndAppendsAfterTheLastGoodOne() throws IOException {
        Path file = folder.getRoot().toPath().resolve("journal.log");
        try (IssuanceJournal journal = IssuanceJournal.open(file)) {
            journal.append("ISSUE|1|a");
        }
        long good = Files.size(file);
        Files.write(file, "0badc0de ISSUE|2|par".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);

        try (IssuanceJournal journal = IssuanceJournal.open(file)) {
            assertEquals(List.of("ISSUE|1|a"), journal.entries());
            assertEquals(good, Files.size(file));
            journal.append("ISSUE|3|c");
        }
        try (IssuanceJournal journal = IssuanceJournal.open(file)) {
            assertEquals(List.of("ISSUE|1|a", "ISSUE|3|c"), journal.entries());
        }
    }

    @Test
    public void refusesToOpenWhenAnEarlierLineIsDamaged() throws IOException {
        Path file = folder.getRoot().toPath().resolve("journal.log");
        try (IssuanceJournal journal = IssuanceJournal.open(file)) {
            journal.append("ISSUE|1|a");
            journal.append("ISSUE|2|b");
        }
        byte[] content = Files.readAllBytes(file);
        content[12] ^= 1;
        Files.write(file, content);

        IOException refused = assertThrows(IOException.class, () -> IssuanceJournal.open(file));
        assertEquals(true, refused.getMessage().contains("damaged"));
    }

    @Test
    public void createsTheJournalOwnerReadableOnly() throws IOException {
        Path file = folder.getRoot().toPath().resolve("journal.log");
        IssuanceJournal.open(file).close();
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
    }
}
