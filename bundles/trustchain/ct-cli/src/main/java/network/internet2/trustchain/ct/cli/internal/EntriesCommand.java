package network.internet2.trustchain.ct.cli.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

import network.internet2.trustchain.ct.LogEntry;
import network.internet2.trustchain.ct.LogException;
import network.internet2.trustchain.ct.TransparencyLog;

/** {@code ct:entries}: the logged certificates and precertificates, decoded, as a table. */
@Service
@Command(scope = "ct", name = "entries",
        description = "Lists entries of the log's latest signed tree head as a table: index, type (x509 or "
                + "precert), subject, not after (UTC) and serial (hex, as trustchain:list shows it), decoded from each entry's RFC 6962 "
                + "MerkleTreeLeaf (a precertificate is read from the entry's extra data, or from the "
                + "TBSCertificate in its leaf). Without --start, the last --count entries.")
public class EntriesCommand implements Action {

    static final int DEFAULT_COUNT = 20;
    static final int MAX_COUNT = 1000;
    private static final String DAMAGED = "its storage may be damaged: look for read errors in the node's log "
            + "(log:display)";

    @Reference
    TransparencyLog log;

    @Option(name = "--start", aliases = "-s", description = "Index of the first entry to list, from 0; "
            + "default: the last --count entries of the tree")
    Long start;

    @Option(name = "--count", aliases = {"-n", "-c"}, description = "How many entries to list, from 1 to " + MAX_COUNT
            + " (default " + DEFAULT_COUNT + ")")
    int count = DEFAULT_COUNT;

    @Override
    public Object execute() throws Exception {
        if (count < 1 || count > MAX_COUNT) {
            throw new CommandException("--count must be from 1 to " + MAX_COUNT + ", not " + count
                    + "; list a larger range in several steps with --start");
        }
        if (start != null && start < 0) {
            throw new CommandException("--start must be 0 or more, not " + start + ": entries are numbered from 0");
        }
        long size = log.latestTreeHead().treeSize();
        if (size == 0) {
            System.out.println("The log has no entries yet (the latest signed tree head has size 0).");
            return null;
        }
        long first = start == null ? Math.max(0, size - count) : start;
        if (first >= size) {
            throw new CommandException("--start " + first + " is beyond the log: the latest signed tree head has "
                    + size + (size == 1 ? " entry, numbered 0" : " entries, numbered 0 to " + (size - 1)));
        }
        long last = Math.min(size - 1, first + count - 1);
        ShellTable table = new ShellTable();
        // the headers and cell formats of trustchain:list, so that a certificate reads the same in both
        table.column("Index").alignRight();
        table.column("Type");
        table.column("Subject");
        table.column("Not after");
        table.column("Serial");
        for (LogEntry entry : fetch(log, first, last)) {
            Leaves.Description description = Leaves.describe(entry);
            table.addRow().addContent(entry.index(), description.type(), description.subject(),
                    description.notAfter(), description.serial());
        }
        table.print(System.out);
        System.out.println("Entries " + first + " to " + last + " of the " + size
                + " in the latest signed tree head.");
        return null;
    }

    /**
     * @return the entries {@code first} to {@code last}, asking again from where
     *         the log stopped as long as it returns fewer than asked (RFC 6962 allows it)
     * @throws CommandException if the log refuses the range, cannot be read, or stops returning entries
     */
    static List<LogEntry> fetch(TransparencyLog log, long first, long last) throws CommandException {
        List<LogEntry> entries = new ArrayList<>();
        long next = first;
        while (next <= last) {
            List<LogEntry> batch;
            try {
                batch = log.entries(next, last);
            } catch (LogException.BadRequest e) {
                throw new CommandException("the log refused entries " + next + " to " + last + ": " + e.getMessage(),
                        e);
            } catch (LogException e) {
                throw new CommandException("cannot read the log's entries " + next + " to " + last + ": "
                        + e.getMessage(), e);
            }
            if (batch.isEmpty()) {
                throw new CommandException("the log returned no entry from index " + next + " although its signed "
                        + "tree head goes up to " + last + "; " + DAMAGED);
            }
            for (LogEntry entry : batch) {
                if (entry.index() != next) {
                    throw new CommandException("the log returned entry " + entry.index() + " where entry " + next
                            + " was expected; " + DAMAGED);
                }
                entries.add(entry);
                next++;
                if (next > last) {
                    break;
                }
            }
        }
        return entries;
    }
}
