package network.internet2.hypermesh.gpu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import network.internet2.hypermesh.gpu.GpuDevice;

/**
 * Parses what {@code nvidia-smi --query-gpu=index,uuid,name,memory.total,pci.bus_id
 * --format=csv,noheader,nounits} prints: one GPU per line, e.g.
 * {@code 0, GPU-4a0b8f2c-1d9e-7f3a-5b6c-8d7e9f0a1b2c, NVIDIA A100-SXM4-40GB, 40960, 00000000:00:04.0}
 * (memory in MiB; {@code [N/A]} where the GPU does not say). A malformed line
 * is reported and skipped; the others still count.
 */
final class NvidiaSmiCsv {

    /** The fields asked for, in order. */
    static final String QUERY = "index,uuid,name,memory.total,pci.bus_id";

    private static final int FIELDS = 5;

    /**
     * What the output held.
     *
     * @param devices  the GPUs of the well-formed lines, in output order
     * @param problems one message per malformed line
     */
    record Parsed(List<GpuDevice> devices, List<String> problems) {
    }

    private NvidiaSmiCsv() {
    }

    static Parsed parse(String output) {
        List<GpuDevice> devices = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] lines = output == null ? new String[0] : output.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                devices.add(parseLine(lines[i]));
            } catch (IllegalArgumentException malformed) {
                problems.add("nvidia-smi line " + (i + 1) + " '" + Text.abbreviate(lines[i]) + "' ignored: "
                        + malformed.getMessage() + "; run nvidia-smi --query-gpu=" + QUERY + " " + NvidiaSmi.FORMAT
                        + " by hand to see what it prints");
            }
        }
        return new Parsed(List.copyOf(devices), List.copyOf(problems));
    }

    /** @throws IllegalArgumentException if the line is not {@value #QUERY} */
    static GpuDevice parseLine(String line) {
        String[] fields = line.split(",", -1);
        if (fields.length < FIELDS) {
            throw new IllegalArgumentException("expected " + FIELDS + " comma-separated fields (" + QUERY + "), got "
                    + fields.length);
        }
        int index = number(fields[0], "index");
        String uuid = fields[1].strip();
        if (!DriverInformation.GPU_UUID.matcher(uuid).matches()) {
            throw new IllegalArgumentException("'" + Text.abbreviate(uuid) + "' is not a GPU UUID");
        }
        // a model name with a comma in it spans several fields
        String name = String.join(",", Arrays.copyOfRange(fields, 2, fields.length - 2)).strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("no model name");
        }
        long memory = memory(fields[fields.length - 2]);
        return new GpuDevice(index, uuid, name, memory, PciBusId.normalize(fields[fields.length - 1]));
    }

    private static int number(String field, String what) {
        try {
            int value = Integer.parseInt(field.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("the " + what + " '" + Text.abbreviate(field) + "' is not a number");
    }

    private static long memory(String field) {
        String value = field.strip();
        if (value.startsWith("[") && value.endsWith("]")) {
            return GpuDevice.UNKNOWN_MEMORY; // [N/A], [Not Supported]
        }
        try {
            long mib = Long.parseLong(value);
            if (mib >= 0) {
                return mib;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("the memory.total '" + Text.abbreviate(field)
                + "' is not a number of MiB (was nounits given?)");
    }
}
