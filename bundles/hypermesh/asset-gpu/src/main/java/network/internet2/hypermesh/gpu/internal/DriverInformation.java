package network.internet2.hypermesh.gpu.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import network.internet2.hypermesh.gpu.GpuDevice;

/**
 * Parses the {@code information} file the NVIDIA driver writes per GPU in
 * {@code /proc/driver/nvidia/gpus/<bus id>/}: one {@code Key: value} per line,
 * padded with tabs and spaces, e.g.
 *
 * <pre>
 * Model:           NVIDIA A100-SXM4-40GB
 * GPU UUID:        GPU-4a0b8f2c-1d9e-7f3a-5b6c-8d7e9f0a1b2c
 * Bus Location:    0000:00:04.0
 * Device Minor:    0
 * </pre>
 *
 * The file does not tell the memory, so a GPU from it has
 * {@link GpuDevice#UNKNOWN_MEMORY}; its index is the device minor number.
 */
final class DriverInformation {

    static final String MODEL = "Model";
    static final String UUID = "GPU UUID";
    static final String BUS_LOCATION = "Bus Location";
    static final String DEVICE_MINOR = "Device Minor";
    static final String EXCLUDED = "GPU Excluded";

    /** What NVIDIA GPU UUIDs look like; unprivileged readers of old drivers see question marks instead. */
    static final Pattern GPU_UUID =
            Pattern.compile("GPU-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Minor numbers of GPUs; 255 is {@code /dev/nvidiactl}. */
    private static final int MAX_MINOR = 254;

    private DriverInformation() {
    }

    /**
     * @return the GPU the file describes
     * @throws IllegalArgumentException naming what is missing or malformed
     */
    static GpuDevice parse(String text) {
        Map<String, String> fields = fields(text);
        List<String> missing = List.of(MODEL, UUID, DEVICE_MINOR).stream()
                .filter(key -> fields.getOrDefault(key, "").isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no " + String.join(", ", missing) + " line");
        }
        if ("Yes".equalsIgnoreCase(fields.get(EXCLUDED))) {
            throw new IllegalArgumentException("the driver excludes this GPU (GPU Excluded: Yes, see the "
                    + "NVreg_ExcludedGpus module parameter)");
        }
        String uuid = fields.get(UUID);
        if (!GPU_UUID.matcher(uuid).matches()) {
            throw new IllegalArgumentException("the GPU UUID '" + Text.abbreviate(uuid) + "' is unreadable or "
                    + "malformed (older drivers hide it from unprivileged users)");
        }
        int minor;
        try {
            minor = Integer.parseInt(fields.get(DEVICE_MINOR));
        } catch (NumberFormatException notANumber) {
            minor = -1;
        }
        if (minor < 0 || minor > MAX_MINOR) {
            throw new IllegalArgumentException("the Device Minor '" + Text.abbreviate(fields.get(DEVICE_MINOR))
                    + "' is not a number from 0 to " + MAX_MINOR);
        }
        String bus = fields.getOrDefault(BUS_LOCATION, "");
        return new GpuDevice(minor, uuid, fields.get(MODEL), GpuDevice.UNKNOWN_MEMORY,
                bus.isEmpty() ? "" : PciBusId.normalize(bus));
    }

    /** @return the {@code Key: value} lines, keys and values stripped; lines without a colon are skipped */
    static Map<String, String> fields(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (text == null) {
            return fields;
        }
        for (String line : text.split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return fields;
    }
}
