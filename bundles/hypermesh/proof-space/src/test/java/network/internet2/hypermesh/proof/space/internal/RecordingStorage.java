package network.internet2.hypermesh.proof.space.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import network.internet2.hypermesh.asset.AssetException;
import network.internet2.hypermesh.storage.StorageAccess;

/**
 * Test fixture: a {@link StorageAccess} that hands every call to the real
 * storage adapter, records where writes go, and can hold the writer at a
 * given write until the test lets it go.
 */
final class RecordingStorage implements StorageAccess {

    private final StorageAccess real;
    final List<Long> writeOffsets = new CopyOnWriteArrayList<>();
    private final int holdAtWrite;
    final CountDownLatch held = new CountDownLatch(1);
    final CountDownLatch letGo = new CountDownLatch(1);

    /** Records writes and never holds them. */
    RecordingStorage(StorageAccess real) {
        this(real, 0);
    }

    /** Records writes and holds write number {@code holdAtWrite} (1-based) until {@link #letGo} is counted down. */
    RecordingStorage(StorageAccess real, int holdAtWrite) {
        this.real = real;
        this.holdAtWrite = holdAtWrite;
    }

    @Override
    public int blockSize() {
        return real.blockSize();
    }

    @Override
    public long size(String allocationId) throws AssetException {
        return real.size(allocationId);
    }

    @Override
    public byte[] readBlock(String allocationId, long blockIndex) throws AssetException {
        return real.readBlock(allocationId, blockIndex);
    }

    @Override
    public void writeBlock(String allocationId, long blockIndex, byte[] block) throws AssetException {
        hold(blockIndex * blockSize());
        real.writeBlock(allocationId, blockIndex, block);
    }

    @Override
    public byte[] read(String allocationId, long offset, int length) throws AssetException {
        return real.read(allocationId, offset, length);
    }

    @Override
    public void write(String allocationId, long offset, byte[] data) throws AssetException {
        hold(offset);
        real.write(allocationId, offset, data);
    }

    private void hold(long offset) {
        writeOffsets.add(offset);
        if (writeOffsets.size() == holdAtWrite) {
            held.countDown();
            try {
                if (!letGo.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never let the write go");
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void flush(String allocationId) throws AssetException {
        real.flush(allocationId);
    }
}
