package network.internet2.hypermesh.vm;

import org.osgi.annotation.versioning.ProviderType;

import network.internet2.hypermesh.asset.AssetException;

/**
 * Runs WebAssembly modules in VM allocations (asset kind {@code vm}),
 * addressed by the allocation's id. Owner checks are the caller's business:
 * look the allocation up in the registry first.
 */
@ProviderType
public interface VmAccess {

    /** The largest module accepted: 16 MiB. */
    int MAX_MODULE_BYTES = 16 * 1024 * 1024;

    /** The most bytes of standard output, and of standard error, kept from one run: 1 MiB each. */
    int MAX_OUTPUT_BYTES = 1024 * 1024;

    /**
     * Runs a WASI (preview 1) command module to its end or its first limit.
     * A module that traps, exits, or reaches a limit yields a result; the node
     * and other allocations are unaffected.
     *
     * @throws AssetException if no VM allocation has this id, the CPU
     *         allocation named by the request does not exist (or the CPU asset
     *         adapter is not installed), the VM allocation is already running a
     *         module, the node runs as many modules as it allows, or the VM
     *         allocation is released while the module runs (the module is stopped)
     * @throws IllegalArgumentException if the module is not valid WebAssembly,
     *         imports what the sandbox does not provide, or the request's
     *         limits are out of range
     */
    VmResult execute(String allocationId, VmRequest request) throws AssetException;
}
