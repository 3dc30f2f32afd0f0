package network.internet2.hypermesh.gpu.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Test fixtures: the realistic driver files and nvidia-smi output under
 * {@code src/test/resources/fixtures}, laid out as the driver lays them out,
 * and fake nvidia-smi scripts.
 */
final class Fixtures {

    static final String A100_GPU0 = "information-a100-gpu0.txt";
    static final String A100_GPU1 = "information-a100-gpu1.txt";
    static final String T4_OLD_DRIVER = "information-t4-old-driver.txt";
    static final String TWO_A100_CSV = "nvidia-smi-two-a100.csv";
    static final String MIXED_CSV = "nvidia-smi-mixed.csv";

    static final String UUID_GPU0 = "GPU-5a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";
    static final String UUID_GPU1 = "GPU-9e8d7c6b-5a49-3827-1605-f4e3d2c1b0a9";
    static final String UUID_T4 = "GPU-8f6d1e2a-3b4c-5d6e-7f80-91a2b3c4d5e6";

    private Fixtures() {
    }

    /** @return the text of a fixture */
    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts a fixture in {@code <driverDirectory>/<busId>/information}, as the driver does. */
    static void gpuFolder(Path driverDirectory, String busId, String fixture) throws IOException {
        Path folder = Files.createDirectories(driverDirectory.resolve(busId));
        Files.writeString(folder.resolve(DriverFiles.INFORMATION), text(fixture), StandardCharsets.UTF_8);
    }

    /** Makes empty files standing for device nodes, e.g. {@code nvidia0}, {@code nvidiactl}. */
    static void deviceNodes(Path deviceDirectory, String... names) throws IOException {
        Files.createDirectories(deviceDirectory);
        for (String name : names) {
            Files.createFile(deviceDirectory.resolve(name));
        }
    }

    /** Writes an executable {@code /bin/sh} script. */
    static Path script(Path file, String body) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /**
     * A fake nvidia-smi that prints a fixture, but only when called with the
     * arguments the real one needs (else it fails as the real one would).
     */
    static Path fakeNvidiaSmi(Path file, String csvFixture) throws IOException {
        Path csv = Files.createDirectories(file.getParent()).resolve(csvFixture);
        Files.writeString(csv, text(csvFixture), StandardCharsets.UTF_8);
        return script(file, "if [ \"$1\" != '--query-gpu=index,uuid,name,memory.total,pci.bus_id' ] "
                + "|| [ \"$2\" != '--format=csv,noheader,nounits' ] || [ $# -ne 2 ]; then\n"
                + "  echo \"unexpected arguments: $*\" >&2; exit 2\nfi\n"
                + "cat '" + csv + "'");
    }
}
