package network.internet2.management.config.toml.internal;

import java.util.List;

/** A TOML file that cannot be applied: every problem found, each naming its key. Nothing was applied. */
public final class ConfigurationRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    ConfigurationRefusedException(List<String> problems) {
        super("configuration refused, nothing was applied (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** @return the problems, in file order; each starts with the key it is about ({@code global.port: …}) */
    public List<String> problems() {
        return problems;
    }
}
