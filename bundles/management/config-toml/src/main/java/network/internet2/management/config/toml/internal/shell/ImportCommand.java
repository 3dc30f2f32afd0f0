package network.internet2.management.config.toml.internal.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.osgi.service.cm.ConfigurationAdmin;

import network.internet2.management.config.toml.internal.ApplyFailedException;
import network.internet2.management.config.toml.internal.ConfigurationRefusedException;
import network.internet2.management.config.toml.internal.MappedConfiguration;
import network.internet2.management.config.toml.internal.TomlImport;

/** {@code internet2:config-import}: a TOML file in the seed's format, validated, then merged into ConfigAdmin. */
@Service
@Command(scope = "internet2", name = "config-import",
        description = "Validates a TOML configuration in the seed's format (config/production.toml) and merges "
                + "what it sets into the node's configurations: only the keys it names change, every other key of "
                + "those PIDs stays. A bad value refuses the whole file, naming each key, and nothing changes "
                + "(so does a file that puts STOQ and DNS on one UDP port, counting the node's current values); "
                + "if updating a PID fails, the PIDs already updated are restored; "
                + "unknown tables and keys are listed as warnings and ignored. Keys: config/README.md.")
public class ImportCommand implements Action {

    @Reference
    ConfigurationAdmin configurationAdmin;

    @Option(name = "--dry-run", aliases = "-n",
            description = "Validate and show what would change, without changing anything")
    boolean dryRun;

    @Argument(index = 0, name = "file", required = true,
            description = "The TOML file (relative to the node's working folder, or ~/...)")
    @Completion(FileCompleter.class)
    String file;

    @Override
    public Object execute() throws Exception {
        Path path = CommandPaths.resolve(file);
        MappedConfiguration mapped = read(path);
        try {
            TomlImport.checkAgainst(mapped, ConfigAdminPids.read(configurationAdmin, TomlImport.listenerPids()));
        } catch (ConfigurationRefusedException e) {
            throw new CommandException(path + ": " + e.getMessage(), e);
        }
        List<PropertyChange> changes;
        try {
            changes = ConfigAdminPids.merge(configurationAdmin, mapped.pids(), !dryRun);
        } catch (ApplyFailedException e) {
            throw new CommandException("import of " + path + " failed: " + e.getMessage(), e);
        }
        System.out.print(render(changes));
        mapped.warnings().forEach(warning -> System.out.println("Warning: " + warning));
        mapped.notes().forEach(note -> System.out.println("Note: " + note));
        long changed = changes.stream().filter(PropertyChange::changes).count();
        System.out.println((dryRun ? "Dry run, nothing changed: " : "Imported " + path + ": ") + changed
                + " of " + changes.size() + " properties " + (dryRun ? "would change" : "changed") + " in "
                + mapped.pids().size() + " PIDs");
        return null;
    }

    /**
     * @return what the file sets, or a CommandException naming every problem before anything is
     *         changed (the file on its own: the node's values are checked in {@link #execute()})
     */
    static MappedConfiguration read(Path path) throws CommandException {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandException("cannot read " + path + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); nothing was changed", e);
        }
        try {
            return TomlImport.read(text);
        } catch (ConfigurationRefusedException e) {
            throw new CommandException(path + ": " + e.getMessage(), e);
        }
    }

    static String render(List<PropertyChange> changes) {
        Table table = new Table("PID", "PROPERTY", "BEFORE", "AFTER");
        for (PropertyChange change : changes) {
            table.row(change.pid(), change.property(), change.before() == null ? "(not set)"
                    : String.valueOf(change.before()), change.changes() ? change.after() : "(unchanged)");
        }
        return table.render();
    }
}
