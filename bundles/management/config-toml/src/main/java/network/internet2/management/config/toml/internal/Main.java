package network.internet2.management.config.toml.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The mapping outside the node, for {@code deploy-internet2.sh}:
 * <pre>
 *   check  &lt;file.toml&gt; [etc-dir]   validate; print warnings and notes (with etc-dir: also
 *                                    against the values of etc-dir/&lt;pid&gt;.cfg)
 *   apply  &lt;file.toml&gt; &lt;etc-dir&gt;   validate, also against the values of etc-dir/&lt;pid&gt;.cfg
 *                                    (STOQ and DNS must not share a UDP port), then merge
 *                                    into etc-dir/&lt;pid&gt;.cfg, all files or none
 *                                    (prints "created PATH" or "updated PATH" per file)
 *   export &lt;etc-dir&gt;               print the etc-dir/&lt;pid&gt;.cfg files as TOML
 * </pre>
 * Exit status: 0 done, 1 the configuration is refused (every problem printed,
 * nothing written), 2 wrong arguments or a file that cannot be read or written (the
 * files already written are then restored, and the message names them).
 */
public final class Main {

    static final int REFUSED = 1;
    static final int USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "" : args[0];
        try {
            if (command.equals("check") && (args.length == 2 || args.length == 3)) {
                String text = read(Path.of(args[1]));
                report(args.length == 2 ? TomlImport.read(text) : TomlImport.read(text, existing(Path.of(args[2]))),
                        out);
                return 0;
            }
            if (command.equals("apply") && args.length == 3) {
                Path toml = Path.of(args[1]);
                Path etc = Path.of(args[2]);
                MappedConfiguration mapped = TomlImport.read(read(toml), existing(etc));
                report(mapped, out);
                for (CfgFiles.WrittenFile file : CfgFiles.merge(etc, mapped.pids(), toml.getFileName().toString())) {
                    out.println((file.created() ? "created " : "updated ") + file.path());
                }
                return 0;
            }
            if (command.equals("export") && args.length == 2) {
                Path etc = Path.of(args[1]);
                ExportedToml exported = TomlExport.write(CfgFiles.read(etc, SeedKeys.pids()), etc + "/*.cfg");
                exported.warnings().forEach(warning -> err.println("warning: " + warning));
                out.print(exported.text());
                return 0;
            }
        } catch (ConfigurationRefusedException e) {
            err.println(e.getMessage());
            return REFUSED;
        } catch (ApplyFailedException e) {
            err.println("cannot write: " + e.getMessage());
            return USAGE;
        } catch (NoSuchFileException e) {
            err.println("no such file: " + e.getFile() + (e.getReason() == null ? "" : " (" + e.getReason() + ")"));
            return USAGE;
        } catch (IOException e) {
            err.println("cannot read or write: " + e);
            return USAGE;
        }
        err.println("usage: check <file.toml> [etc-dir] | apply <file.toml> <etc-dir> | export <etc-dir>");
        return USAGE;
    }

    /** @return the values the node has in {@code etc} that the import is checked against */
    private static Map<String, Map<String, String>> existing(Path etc) throws IOException {
        if (!Files.isDirectory(etc)) {
            throw new NoSuchFileException(etc.toString(), null, "not a directory");
        }
        return CfgFiles.read(etc, TomlImport.listenerPids());
    }

    private static String read(Path toml) throws IOException {
        return Files.readString(toml, StandardCharsets.UTF_8);
    }

    private static void report(MappedConfiguration mapped, PrintStream out) {
        mapped.warnings().forEach(warning -> out.println("warning: " + warning));
        mapped.notes().forEach(note -> out.println("note: " + note));
    }
}
