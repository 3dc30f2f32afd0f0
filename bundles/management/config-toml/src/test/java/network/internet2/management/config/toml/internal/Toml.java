package network.internet2.management.config.toml.internal;

import static org.junit.Assert.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Helpers of the tests: the shipped files, and reading TOML that must be refused. */
final class Toml {

    /** The repository's config/ folder, from this module's folder (where Maven runs the tests). */
    static final Path CONFIG = Path.of("..", "..", "..", "config").toAbsolutePath().normalize();

    static final List<String> PROFILES = List.of("development", "production");

    private Toml() {
    }

    static String shipped(String profile) throws IOException {
        return Files.readString(CONFIG.resolve(profile + ".toml"), StandardCharsets.UTF_8);
    }

    /** @return the problems of a file that must be refused */
    static List<String> refused(String toml) {
        return assertThrows(ConfigurationRefusedException.class, () -> TomlImport.read(toml)).problems();
    }
}
