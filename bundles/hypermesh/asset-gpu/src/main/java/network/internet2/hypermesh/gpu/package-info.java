/**
 * HyperMesh GPU: which whole NVIDIA GPUs a GPU allocation holds.
 *
 * <p>GPUs are an asset of kind {@code gpu} in unit {@code devices}: an
 * allocation of N devices holds N distinct whole GPUs, never shared with
 * another allocation. {@link network.internet2.hypermesh.gpu.GpuAccess} tells
 * which {@link network.internet2.hypermesh.gpu.GpuDevice}s an allocation holds
 * (index, UUID, model, memory, PCI bus id), so that the work run for it can be
 * pointed at them (for example through {@code CUDA_VISIBLE_DEVICES} set to the
 * UUIDs).
 *
 * <p>A machine without an NVIDIA GPU offers zero devices, and the adapter's
 * health says what was checked.
 */
@Export
@Version("1.0.0")
package network.internet2.hypermesh.gpu;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
