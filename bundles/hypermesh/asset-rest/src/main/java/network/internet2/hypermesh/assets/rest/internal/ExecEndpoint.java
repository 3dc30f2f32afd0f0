package network.internet2.hypermesh.assets.rest.internal;

import java.util.function.Supplier;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.asset.AssetRegistry;
import network.internet2.hypermesh.vm.VmAccess;
import network.internet2.hypermesh.vm.VmRequest;
import network.internet2.hypermesh.vm.VmResult;
import network.internet2.management.rest.support.ApiException;
import network.internet2.management.rest.support.ApiResponse;

/**
 * {@code POST /assets/allocations/<id>/exec}: runs a WebAssembly module in a VM
 * allocation through the {@link VmAccess} service of the {@code asset-vm} feature,
 * 503 while that is not installed.
 */
final class ExecEndpoint {

    /** The asset kind of VM allocations. */
    static final String VM_KIND = "vm";
    /** The asset kind of CPU allocations, which a run may take place in. */
    static final String CPU_KIND = "cpu";

    private final AssetRegistry registry;
    private final Supplier<VmAccess> vm;

    /** @param vm the VM service, or {@code null} from the supplier while there is none */
    ExecEndpoint(AssetRegistry registry, Supplier<VmAccess> vm) {
        this.registry = registry;
        this.vm = vm;
    }

    /**
     * @throws ApiException 503 without the VM service, 404 for an unknown allocation,
     *         409 for an ended one or one that is not a VM (or already runs a module),
     *         400/413 for a bad body, 422 for a bad {@code cpu_allocation}
     */
    ApiResponse run(String allocationId, byte[] body) throws ApiException {
        VmAccess access = vm.get();
        if (access == null) {
            throw new ApiException(503, "the asset-vm feature is not installed, so nothing can run modules; "
                    + "install it (feature:install asset-vm) and retry");
        }
        Allocation target = AssetEndpoints.active(registry, allocationId, "run a module in");
        if (!VM_KIND.equals(target.kind())) {
            throw new ApiException(409, "allocation " + allocationId + " is a " + target.kind() + " allocation; "
                    + "modules run only in " + VM_KIND + " allocations (POST " + Route.BASE
                    + "/allocate with {\"kind\": \"vm\", \"amount\": <memory bytes>})");
        }
        VmRequest request = ExecJson.request(body);
        if (request.cpuAllocationId() != null) {
            checkCpu(request.cpuAllocationId());
        }
        VmResult result;
        try {
            result = access.execute(allocationId, request);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (AssetException e) {
            throw new ApiException(409, e.getMessage());
        }
        return ApiResponse.json(200, ExecJson.result(result));
    }

    private void checkCpu(String id) throws ApiException {
        Allocation cpu = registry.find(id).orElseThrow(() -> new ApiException(422, "cpu_allocation " + id
                + " is not an allocation; allocate one with {\"kind\": \"cpu\", \"amount\": <millicores>} or leave "
                + "cpu_allocation out"));
        if (!CPU_KIND.equals(cpu.kind())) {
            throw new ApiException(422, "cpu_allocation " + id + " is a " + cpu.kind() + " allocation, not a "
                    + CPU_KIND + " allocation");
        }
        if (cpu.state() != Allocation.State.ACTIVE) {
            throw new ApiException(409, "cpu_allocation " + id + " already ended (" + AssetJson.state(cpu.state())
                    + ": " + cpu.endReason() + ")");
        }
    }
}
