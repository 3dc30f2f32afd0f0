package network.internet2.hypermesh.assets.rest.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.asset.AllocationDirectory;
import network.internet2.hypermesh.asset.AssetRegistry;
import network.internet2.hypermesh.asset.ConsensusReceipt;
import network.internet2.hypermesh.asset.AssetRegistry.AssetKind;
import network.internet2.hypermesh.asset.InsufficientCapacityException;
import network.internet2.hypermesh.asset.UnknownAssetKindException;
import network.internet2.hypermesh.vm.VmAccess;
import network.internet2.management.rest.support.ApiException;
import network.internet2.management.rest.support.ApiHandler;
import network.internet2.management.rest.support.ApiRequest;
import network.internet2.management.rest.support.ApiResponse;

/**
 * The endpoints of {@code /assets}, on top of an {@link AssetRegistry}. Every input
 * is checked before the registry is asked, so a refused request changes nothing.
 * Operator requests act as {@link Allocation#LOCAL_OPERATOR}. Registry refusals
 * become 422 (unknown kind, lease beyond the registry's maximum, consensus refusal),
 * 409 (not enough capacity, allocation already ended); an unexpected failure 500.
 */
final class AssetEndpoints implements ApiHandler {

    /** Largest body of the requests other than exec: they are a few dozen bytes. */
    static final int MAX_SMALL_BODY_BYTES = 64 * 1024;

    private final AssetRegistry registry;
    private final ExecEndpoint exec;

    /** @param vm the VM service while the {@code asset-vm} feature is installed, else {@code null} */
    AssetEndpoints(AssetRegistry registry, Supplier<VmAccess> vm) {
        this.registry = registry;
        this.exec = new ExecEndpoint(registry, vm);
    }

    /** @return the answer to a request; never throws for bad input */
    @Override
    public ApiResponse handle(ApiRequest request) {
        try {
            Route route = Route.resolve(request.method(), request.path());
            if (route.endpoint() != Route.Endpoint.EXEC && request.body().length > MAX_SMALL_BODY_BYTES) {
                throw new ApiException(413, "the request body is larger than " + MAX_SMALL_BODY_BYTES / 1024
                        + " KiB; only exec bodies carry modules, this request needs a few bytes of JSON");
            }
            String id = route.allocationId();
            return switch (route.endpoint()) {
                case KINDS -> ApiResponse.json(200, AssetJson.kinds(registry.kinds()));
                case ALLOCATIONS -> ApiResponse.json(200, AssetJson.allocations(registry.allocations(), units()));
                case ALLOCATION -> ApiResponse.json(200, AssetJson.allocation(found(registry, id), units()));
                case ALLOCATE -> allocate(request.body());
                case RENEW -> renew(id, request.body());
                case RELEASE -> release(id);
                case EXEC -> exec.run(id, request.body());
            };
        } catch (ApiException refusal) {
            return AssetJson.ERRORS.answer(refusal);
        } catch (RuntimeException e) {
            return AssetJson.ERRORS.answer(new ApiException(500, "the asset registry failed unexpectedly (" + e
                    + "); nothing is known to have changed, check the node's log"));
        }
    }

    private ApiResponse allocate(byte[] body) throws ApiException {
        AllocationRequests.Allocate wanted = AllocationRequests.allocate(body);
        Allocation granted;
        try {
            granted = registry.allocate(wanted.kind(), wanted.amount(), wanted.lease(), Allocation.LOCAL_OPERATOR);
        } catch (UnknownAssetKindException e) {
            throw new ApiException(422, unknownKind(e, wanted.byAssetId()));
        } catch (InsufficientCapacityException e) {
            throw new ApiException(409, e.getMessage());
        } catch (AssetException e) {
            throw new ApiException(422, e.getMessage());
        }
        // the node's registry is also its AllocationDirectory, which keeps the consensus receipt
        Optional<ConsensusReceipt> receipt = registry instanceof AllocationDirectory directory
                ? directory.consensusReceipt(granted.id()) : Optional.empty();
        return new ApiResponse(201, ApiResponse.JSON, AssetJson.granted(granted, units(), receipt),
                Map.of("Location", Route.BASE + "/allocations/" + granted.id()));
    }

    private ApiResponse renew(String id, byte[] body) throws ApiException {
        Duration lease = AllocationRequests.renewal(body);
        active(registry, id, "renew");
        try {
            return ApiResponse.json(200, AssetJson.allocation(registry.renew(id, lease, Allocation.LOCAL_OPERATOR),
                    units()));
        } catch (AssetException e) {
            throw new ApiException(endedMeanwhile(id) ? 409 : 422, e.getMessage());
        }
    }

    private ApiResponse release(String id) throws ApiException {
        active(registry, id, "release");
        try {
            registry.release(id, Allocation.LOCAL_OPERATOR);
        } catch (AssetException e) {
            throw new ApiException(409, e.getMessage());
        }
        return new ApiResponse(204, null, new byte[0], Map.of());
    }

    /** @return the allocation, active or ended */
    static Allocation found(AssetRegistry registry, String id) throws ApiException {
        return registry.find(id).orElseThrow(() -> ApiException.notFound("no allocation " + id + "; GET "
                + Route.BASE + "/allocations lists the active ones"));
    }

    /**
     * @param action what the caller wants to do, for the message ({@code release})
     * @return the allocation if it is active
     * @throws ApiException 404 if unknown, 409 with its end reason if ended
     */
    static Allocation active(AssetRegistry registry, String id, String action) throws ApiException {
        Allocation allocation = found(registry, id);
        if (allocation.state() != Allocation.State.ACTIVE) {
            throw new ApiException(409, "cannot " + action + " allocation " + id + ": it already ended ("
                    + AssetJson.state(allocation.state()) + ": " + allocation.endReason() + ")");
        }
        return allocation;
    }

    private boolean endedMeanwhile(String id) {
        return registry.find(id).map(allocation -> allocation.state() != Allocation.State.ACTIVE).orElse(true);
    }

    private Map<String, String> units() {
        return AssetJson.units(registry.kinds());
    }

    /** The registry's message, with the kinds there are and what {@code asset_id} means. */
    private String unknownKind(UnknownAssetKindException e, boolean byAssetId) {
        String message = e.getMessage();
        if (!message.contains("installed kinds")) {
            List<String> kinds = registry.kinds().stream().map(AssetKind::kind).toList();
            message += " (installed kinds: " + (kinds.isEmpty() ? "none" : String.join(", ", kinds)) + ")";
        }
        return message + (byAssetId ? "; asset_id names the asset kind to allocate, such as memory or cpu" : "");
    }
}
