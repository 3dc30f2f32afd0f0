/**
 * The GPU asset adapter of HyperMesh.
 *
 * <p>What it is for: a node offers its NVIDIA GPUs as an asset (kind
 * {@code gpu}, unit devices) that others lease through the asset registry; an
 * allocation of N devices holds N whole GPUs of its own, and
 * {@link network.internet2.hypermesh.gpu.GpuAccess} tells which.
 *
 * <p>How it fits together:
 * {@link network.internet2.hypermesh.gpu.internal.GpuDiscovery} combines
 * {@link network.internet2.hypermesh.gpu.internal.NvidiaSmi} (runs
 * {@code nvidia-smi --query-gpu=... --format=csv,noheader,nounits} with a
 * bounded wait, parsed by
 * {@link network.internet2.hypermesh.gpu.internal.NvidiaSmiCsv}) and
 * {@link network.internet2.hypermesh.gpu.internal.DriverFiles} (the driver's
 * {@code /proc/driver/nvidia/gpus/<bus id>/information} files, parsed by
 * {@link network.internet2.hypermesh.gpu.internal.DriverInformation}, and the
 * {@code /dev/nvidiaN} device nodes) into a
 * {@link network.internet2.hypermesh.gpu.internal.GpuInventory}.
 * {@link network.internet2.hypermesh.gpu.internal.DeviceAssignments} hands out
 * whole GPUs without sharing or overcommit.
 * {@link network.internet2.hypermesh.gpu.internal.GpuAssetAdapter} is the OSGi
 * component registered as {@link network.internet2.hypermesh.asset.AssetAdapter}
 * ({@code asset.kind=gpu}) and {@link network.internet2.hypermesh.gpu.GpuAccess}.
 *
 * <p>Malformed driver files or nvidia-smi lines are logged and the GPU they
 * describe is left out; a machine without a GPU offers zero devices and its
 * health says what was checked. Not here: isolating GPU work (the work is
 * pointed at its GPUs, e.g. by {@code CUDA_VISIBLE_DEVICES}), MIG partitions,
 * GPUs of other vendors.
 */
package network.internet2.hypermesh.gpu.internal;
