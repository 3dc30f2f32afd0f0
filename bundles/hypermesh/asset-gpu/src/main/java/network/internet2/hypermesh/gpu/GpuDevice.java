package network.internet2.hypermesh.gpu;

/**
 * One whole NVIDIA GPU of this machine.
 *
 * @param index     nvidia-smi's index of the GPU or, where it was found in the driver files only, the driver's
 *                  device minor number (the N of {@code /dev/nvidiaN})
 * @param uuid      the GPU's UUID, e.g. {@code GPU-4a0b8f2c-1d9e-7f3a-5b6c-8d7e9f0a1b2c}
 * @param name      the model, e.g. {@code NVIDIA A100-SXM4-40GB}
 * @param memoryMiB its memory in MiB, or {@value #UNKNOWN_MEMORY} where unknown (the driver files do not tell)
 * @param busId     its PCI address {@code domain:bus:device.function}, e.g. {@code 0000:00:04.0}, or empty where
 *                  unknown
 */
public record GpuDevice(int index, String uuid, String name, long memoryMiB, String busId) {

    /** The {@link #memoryMiB()} of a GPU whose memory is not known. */
    public static final long UNKNOWN_MEMORY = -1;

    public GpuDevice {
        if (index < 0) {
            throw new IllegalArgumentException("a GPU index cannot be negative: " + index);
        }
        if (uuid == null || uuid.isBlank()) {
            throw new IllegalArgumentException("a GPU needs a UUID");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a GPU needs a name");
        }
        if (memoryMiB < UNKNOWN_MEMORY) {
            throw new IllegalArgumentException("GPU memory cannot be negative: " + memoryMiB);
        }
        if (busId == null) {
            throw new IllegalArgumentException("a GPU's bus id is empty where unknown, not null");
        }
    }
}
