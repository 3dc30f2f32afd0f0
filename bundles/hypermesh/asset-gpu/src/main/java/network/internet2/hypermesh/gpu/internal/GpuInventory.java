package network.internet2.hypermesh.gpu.internal;

import java.util.List;

import network.internet2.hypermesh.gpu.GpuDevice;

/**
 * What one discovery found.
 *
 * @param devices  the usable GPUs, by index, each UUID and index once
 * @param checked  what was looked at and what it showed, for a person
 * @param problems GPUs or lines that were ignored, and why
 */
record GpuInventory(List<GpuDevice> devices, List<String> checked, List<String> problems) {

    GpuInventory {
        devices = List.copyOf(devices);
        checked = List.copyOf(checked);
        problems = List.copyOf(problems);
    }

    /** @return the number of usable GPUs */
    int size() {
        return devices.size();
    }

    /** @return what was checked, on one line */
    String checkedSummary() {
        return String.join("; ", checked);
    }
}
