package network.internet2.hypermesh.assets.rest.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.vm.VmAccess;
import network.internet2.hypermesh.vm.VmRequest;
import network.internet2.hypermesh.vm.VmResult;

/**
 * A hand-written VM for the exec tests: keeps the last request and answers
 * {@link #result}, or throws {@link #refusal} or {@link #invalid} when set.
 */
final class FakeVm implements VmAccess {

    String lastAllocation;
    VmRequest lastRequest;
    VmResult result = new VmResult(VmResult.Outcome.EXITED, 0, "hello world\n".getBytes(StandardCharsets.UTF_8),
            new byte[0], false, 18234, Duration.ofMillis(3), "returned from _start");
    AssetException refusal;
    IllegalArgumentException invalid;

    @Override
    public VmResult execute(String allocationId, VmRequest request) throws AssetException {
        lastAllocation = allocationId;
        lastRequest = request;
        if (refusal != null) {
            throw refusal;
        }
        if (invalid != null) {
            throw invalid;
        }
        return result;
    }
}
