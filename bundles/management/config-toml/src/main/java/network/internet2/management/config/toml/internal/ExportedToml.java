package network.internet2.management.config.toml.internal;

import java.util.List;

/**
 * PID properties written as TOML.
 *
 * @param text     the TOML file
 * @param warnings stored values that could not be exported (left as comments in the text), naming PID and property
 */
public record ExportedToml(String text, List<String> warnings) {

    public ExportedToml {
        warnings = List.copyOf(warnings);
    }
}
