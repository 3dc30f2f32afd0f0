package network.internet2.hypermesh.gpu.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import network.internet2.hypermesh.gpu.GpuDevice;

/**
 * Finds the NVIDIA GPUs the driver lists: one folder per GPU in the driver
 * directory ({@code /proc/driver/nvidia/gpus/<bus id>/information}), each
 * usable only with its device node ({@code /dev/nvidia<minor>}) in the device
 * directory. A device node is taken as present when a file of that name
 * exists (tests use plain files). Nothing here throws: what is wrong ends up
 * in the result's problems.
 */
final class DriverFiles {

    static final String INFORMATION = "information";

    /** Device nodes of GPUs: {@code nvidia0}, {@code nvidia1}... (not nvidiactl, nvidia-uvm). */
    private static final Pattern DEVICE_NODE = Pattern.compile("nvidia(\\d+)");

    /** An information file is well under a kilobyte; anything this long is not one. */
    private static final int MAX_BYTES = 64 * 1024;

    /**
     * What the driver files showed.
     *
     * @param devices  the usable GPUs, in folder order
     * @param checked  what was looked at and what it showed, for a person
     * @param problems GPUs that were ignored, and why
     */
    record Scan(List<GpuDevice> devices, List<String> checked, List<String> problems) {
    }

    private final Path driverDirectory;
    private final Path deviceDirectory;

    DriverFiles(Path driverDirectory, Path deviceDirectory) {
        this.driverDirectory = driverDirectory;
        this.deviceDirectory = deviceDirectory;
    }

    Scan scan() {
        List<String> checked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<Integer> nodes = deviceNodes(checked);
        List<GpuDevice> devices = new ArrayList<>();
        List<Path> folders = gpuFolders(checked);
        for (Path folder : folders) {
            Path information = folder.resolve(INFORMATION);
            GpuDevice device;
            try {
                device = DriverInformation.parse(read(information));
            } catch (IOException | RuntimeException unusable) {
                problems.add("ignored the GPU described in " + information + ": " + message(unusable)
                        + "; check the NVIDIA driver installation, or install nvidia-smi");
                continue;
            }
            if (!nodes.contains(device.index())) {
                problems.add("ignored " + device.name() + " " + device.uuid() + " at " + device.busId()
                        + ": its device node " + deviceDirectory.resolve("nvidia" + device.index())
                        + " is missing, so it cannot be used here (in a container, pass the device through)");
                continue;
            }
            devices.add(device);
        }
        if (!folders.isEmpty()) {
            checked.add(driverDirectory + ": " + folders.size() + " GPUs, " + devices.size() + " usable");
        }
        return new Scan(List.copyOf(devices), List.copyOf(checked), List.copyOf(problems));
    }

    /** @return the GPU folders, sorted; notes in {@code checked} when there are none */
    private List<Path> gpuFolders(List<String> checked) {
        if (!Files.exists(driverDirectory)) {
            checked.add(driverDirectory + ": no such directory (no NVIDIA driver loaded)");
            return List.of();
        }
        if (!Files.isDirectory(driverDirectory)) {
            checked.add(driverDirectory + ": not a directory");
            return List.of();
        }
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(driverDirectory, Files::isDirectory)) {
            entries.forEach(folders::add);
        } catch (IOException | RuntimeException unreadable) {
            checked.add(driverDirectory + ": cannot be listed (" + message(unreadable) + ")");
            return List.of();
        }
        if (folders.isEmpty()) {
            checked.add(driverDirectory + ": no GPUs listed");
        }
        folders.sort(null);
        return folders;
    }

    /** @return the minor numbers of the GPU device nodes; notes what was found in {@code checked} */
    private Set<Integer> deviceNodes(List<String> checked) {
        Set<Integer> minors = new TreeSet<>();
        String where = deviceDirectory.resolve("nvidia[0-9]*").toString();
        if (Files.isDirectory(deviceDirectory)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(deviceDirectory, "nvidia[0-9]*")) {
                for (Path entry : entries) {
                    Matcher matcher = DEVICE_NODE.matcher(entry.getFileName().toString());
                    if (matcher.matches() && matcher.group(1).length() <= 3) {
                        minors.add(Integer.parseInt(matcher.group(1)));
                    }
                }
            } catch (IOException | RuntimeException unreadable) {
                checked.add(where + ": cannot be listed (" + message(unreadable) + ")");
                return minors;
            }
        }
        checked.add(where + ": " + (minors.isEmpty() ? "none"
                : minors.stream().map(minor -> "nvidia" + minor).collect(Collectors.joining(", "))));
        return minors;
    }

    /** Reads a small text file; a longer one is not an information file. */
    private static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException("longer than " + MAX_BYTES + " bytes, not a driver information file");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static String message(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
