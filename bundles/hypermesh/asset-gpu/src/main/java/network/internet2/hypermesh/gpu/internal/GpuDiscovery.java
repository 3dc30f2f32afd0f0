package network.internet2.hypermesh.gpu.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import network.internet2.hypermesh.gpu.GpuDevice;

/**
 * Finds this machine's NVIDIA GPUs from both sources: nvidia-smi, when it is
 * there and lists GPUs, is the authority (it knows their memory); the driver
 * files are the source when it is absent, fails or lists none.
 * A GPU seen in the driver files but not listed by a working nvidia-smi is
 * left out, as is a second GPU with a UUID or index already seen. Every GPU
 * left out is logged with what to do.
 */
final class GpuDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(GpuDiscovery.class);

    private final DriverFiles driverFiles;
    private final NvidiaSmi nvidiaSmi;

    GpuDiscovery(DriverFiles driverFiles, NvidiaSmi nvidiaSmi) {
        this.driverFiles = driverFiles;
        this.nvidiaSmi = nvidiaSmi;
    }

    GpuInventory discover() {
        DriverFiles.Scan scan = driverFiles.scan();
        NvidiaSmi.Query query = nvidiaSmi.query();
        List<String> checked = new ArrayList<>(scan.checked());
        checked.add(query.checked());
        List<String> problems = new ArrayList<>(scan.problems());
        problems.addAll(query.problems());
        List<GpuDevice> found;
        if (!query.devices().isEmpty()) {
            found = reportUnlisted(query.devices(), scan.devices(), problems);
        } else {
            found = scan.devices();
        }
        GpuInventory inventory = new GpuInventory(distinct(found, problems), checked, problems);
        inventory.problems().forEach(problem -> LOG.warn("GPU discovery: {}", problem));
        return inventory;
    }

    /** @return nvidia-smi's GPUs; those only the driver lists are reported */
    private static List<GpuDevice> reportUnlisted(List<GpuDevice> listed, List<GpuDevice> driver,
            List<String> problems) {
        Set<String> uuids = listed.stream().map(GpuDevice::uuid).collect(Collectors.toSet());
        driver.stream().filter(device -> !uuids.contains(device.uuid())).forEach(unlisted -> problems.add(
                "ignored " + unlisted.name() + " " + unlisted.uuid() + " at " + unlisted.busId()
                        + ": the driver lists it but nvidia-smi does not; check it with nvidia-smi -q"));
        return listed;
    }

    /** @return the devices by index, without a second GPU of the same UUID or index */
    private static List<GpuDevice> distinct(List<GpuDevice> devices, List<String> problems) {
        Set<String> uuids = new HashSet<>();
        Set<Integer> indexes = new HashSet<>();
        List<GpuDevice> distinct = new ArrayList<>();
        for (GpuDevice device : devices) {
            if (!uuids.add(device.uuid())) {
                problems.add("ignored a second GPU with UUID " + device.uuid() + " (index " + device.index()
                        + "); check the driver's GPU list");
            } else if (!indexes.add(device.index())) {
                problems.add("ignored " + device.uuid() + ": index " + device.index()
                        + " is taken by another GPU; check the driver's GPU list");
            } else {
                distinct.add(device);
            }
        }
        distinct.sort(Comparator.comparingInt(GpuDevice::index));
        return distinct;
    }
}
