package network.internet2.management.config.toml.internal.shell;

import java.nio.file.Path;

/** File arguments as Karaf's file completer offers them: {@code ~} is the home folder, others from the working folder. */
final class CommandPaths {

    private CommandPaths() {
    }

    static Path resolve(String argument) {
        if (argument.equals("~")) {
            return Path.of(System.getProperty("user.home"));
        }
        if (argument.startsWith("~/")) {
            return Path.of(System.getProperty("user.home")).resolve(argument.substring(2));
        }
        return Path.of(argument).toAbsolutePath();
    }
}
