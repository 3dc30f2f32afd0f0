package network.internet2.management.config.toml.internal.shell;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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

import network.internet2.management.config.toml.internal.ExportedToml;
import network.internet2.management.config.toml.internal.TomlExport;

/** {@code internet2:config-export}: the node's configuration, read from ConfigAdmin, as TOML. */
@Service
@Command(scope = "internet2", name = "config-export",
        description = "Writes the node's configuration (ConfigAdmin) as TOML in the seed's format, to the file "
                + "given or to the console. Keys whose property is not set are written as comments (the "
                + "component's default applies). internet2:config-import of the result sets the same values.")
public class ExportCommand implements Action {

    @Reference
    ConfigurationAdmin configurationAdmin;

    @Option(name = "--force", aliases = "-f", description = "Overwrite the file if it exists")
    boolean force;

    @Argument(index = 0, name = "file", required = false,
            description = "Where to write the TOML (relative to the node's working folder, or ~/...); "
                    + "without it, the TOML is printed")
    @Completion(FileCompleter.class)
    String file;

    @Override
    public Object execute() throws Exception {
        ExportedToml exported = TomlExport.write(ConfigAdminPids.read(configurationAdmin, TomlExport.pids()),
                "the node's ConfigAdmin");
        if (file == null) {
            System.out.print(exported.text());
        } else {
            Path path = CommandPaths.resolve(file);
            if (Files.exists(path) && !force) {
                throw new CommandException(path + " exists; give --force to overwrite it");
            }
            Files.writeString(path, exported.text(), StandardCharsets.UTF_8);
            System.out.println("Exported to " + path);
        }
        exported.warnings().forEach(warning -> System.err.println("Warning: " + warning));
        return null;
    }
}
