package network.internet2.trustchain.ct.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit: submitters hand entries to one writer thread, which appends
 * whatever has queued up as one batch with one sync, then tells every
 * submitter of the batch its index. Under load many entries share a sync; a
 * lone submitter pays one sync per entry and waits for nothing else.
 */
final class AppendQueue implements AutoCloseable {

    /** Most entries written with one sync. */
    static final int MAX_BATCH = 1024;
    /** Most entries waiting; more are refused (the log is overloaded) rather than queued without bound. */
    static final int MAX_QUEUED = 16 * 1024;

    private record Pending(TreeStorage.Entry entry, CompletableFuture<Long> index) {
    }

    private final TreeStorage storage;
    private final AppendObserver observer;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final Thread writer;
    private volatile boolean running = true;

    AppendQueue(TreeStorage storage) {
        this(storage, AppendObserver.NONE);
    }

    /** @param observer told of each batch once it is durable, before its submitters are answered */
    AppendQueue(TreeStorage storage, AppendObserver observer) {
        this.storage = storage;
        this.observer = observer;
        this.writer = new Thread(this::writeLoop, "internet2-ct-append");
        writer.setDaemon(true);
        writer.start();
    }

    /** @return the entry's index once it is durable; fails if the storage failed or the queue is full or closed */
    CompletableFuture<Long> append(TreeStorage.Entry entry) {
        CompletableFuture<Long> index = new CompletableFuture<>();
        if (!running) {
            index.completeExceptionally(new IOException("the log is shutting down"));
        } else if (!queue.offer(new Pending(entry, index))) {
            index.completeExceptionally(new IOException("the log is overloaded: " + MAX_QUEUED
                    + " entries are waiting to be written"));
        }
        return index;
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.index().completeExceptionally(new IOException("the log shut down before writing the entry"));
        }
    }

    private void write(List<Pending> batch) {
        List<TreeStorage.Entry> entries = new ArrayList<>(batch.size());
        batch.forEach(pending -> entries.add(pending.entry()));
        long first;
        try {
            first = storage.append(entries);
        } catch (IOException | RuntimeException e) {
            batch.forEach(pending -> pending.index().completeExceptionally(e));
            return;
        }
        observer.appended(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).index().complete(first + i);
        }
    }

    /** Writes what is queued, then stops the writer (waits at most ten seconds). */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
