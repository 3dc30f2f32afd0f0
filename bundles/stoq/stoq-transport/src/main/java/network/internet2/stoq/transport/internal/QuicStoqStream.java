package network.internet2.stoq.transport.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownReadComplete;
import io.netty.channel.socket.ChannelOutputShutdownException;
import io.netty.handler.codec.quic.DefaultQuicStreamFrame;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.codec.quic.QuicStreamResetException;
import network.internet2.stoq.PeerIdentity;
import network.internet2.stoq.StoqException;
import network.internet2.stoq.StoqStream;

/**
 * A QUIC stream bridged to blocking streams.
 *
 * <p>Input: the event loop queues received buffers; while more than
 * {@link #INPUT_HIGH_WATER} bytes wait, reading from QUIC stops (autoRead off),
 * so QUIC flow control pushes back on the sender; it resumes when the reader
 * has drained the queue to {@link #INPUT_LOW_WATER}. Output: a write blocks
 * while the stream is not writable (QUIC flow control) or while more than
 * {@link #OUTPUT_PENDING_LIMIT} bytes are handed to the event loop but not yet
 * taken by QUIC; every write call is flushed. Service data travels in {@link PayloadChunks};
 * closing the output sends the end marker with the FIN.
 */
final class QuicStoqStream implements StoqStream {

    static final int INPUT_HIGH_WATER = 1 << 20;
    static final int INPUT_LOW_WATER = 256 * 1024;
    static final int OUTPUT_PENDING_LIMIT = 256 * 1024;
    static final int WRITE_CHUNK = 64 * 1024;
    private static final long WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final QuicConnection connection;
    private final String service;
    private final boolean bidirectional;
    private final boolean localCreated;
    private final TransportCounters counters;
    private final Handler handler = new Handler();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<ByteBuf> queue = new ArrayDeque<>();
    private long queued;
    private long peakQueued;
    private long pauses;
    private boolean eof;
    /** Payload bytes left in the chunk being read. */
    private long chunkLeft;
    /** The peer's end marker was read: the stream ended normally. */
    private boolean endSeen;
    /** The write of this side's end marker, once closing started. */
    private volatile ChannelFuture endWrite;
    private IOException inputFailure;
    private boolean statusPending;
    private volatile IOException statusFailure;
    private long pendingOut;
    private IOException outputFailure;
    private boolean outputClosed;
    private boolean closed;
    private volatile QuicStreamChannel channel;

    private final InputStream input;
    private final OutputStream output;

    /** For the throughput of bulk streams: when the stream was opened, and the payload carried each way. */
    private final long openedNanos = System.nanoTime();
    /** Payload bytes written (under {@link #lock}). */
    private long payloadOut;
    /** Payload bytes read (under {@link #lock}). */
    private long payloadIn;

    QuicStoqStream(QuicConnection connection, String service, boolean bidirectional, boolean localCreated,
            TransportCounters counters) {
        this.connection = connection;
        this.service = service;
        this.bidirectional = bidirectional;
        this.localCreated = localCreated;
        this.counters = counters;
        // The side that opens a bidirectional stream reads the status byte first.
        this.statusPending = bidirectional && localCreated;
        this.input = hasInput() ? new In() : InputStream.nullInputStream();
        this.output = hasOutput() ? new Out() : new ReadOnly();
    }

    /** @return the handler to put in the stream channel's pipeline */
    ChannelInboundHandlerAdapter handler() {
        return handler;
    }

    void attach(QuicStreamChannel streamChannel) {
        channel = streamChannel;
    }

    QuicStreamChannel channel() {
        return channel;
    }

    private boolean hasInput() {
        return bidirectional || !localCreated;
    }

    private boolean hasOutput() {
        return bidirectional || localCreated;
    }

    @Override
    public String service() {
        return service;
    }

    @Override
    public boolean bidirectional() {
        return bidirectional;
    }

    @Override
    public PeerIdentity peer() {
        return connection.peer();
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    /** @return the most bytes that ever waited in the input queue (for tests of backpressure) */
    long peakQueuedBytes() {
        lock.lock();
        try {
            return peakQueued;
        } finally {
            lock.unlock();
        }
    }

    /** @return how often reading from QUIC was paused because the input queue was full */
    long inputPauses() {
        lock.lock();
        try {
            return pauses;
        } finally {
            lock.unlock();
        }
    }

    /** @return bytes waiting in the input queue now */
    long queuedBytes() {
        lock.lock();
        try {
            return queued;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
        } finally {
            lock.unlock();
        }
        if (hasOutput()) {
            try {
                // no waiting here: the channel closes once the end marker is written (below)
                closeOutput(false);
            } catch (IOException e) {
                // the stream is going away; the peer learns from the reset or the connection close
            }
        }
        boolean inputDone;
        lock.lock();
        try {
            closed = true;
            inputDone = !hasInput() || eof || inputFailure != null;
            releaseQueue();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        QuicStreamChannel ch = channel;
        if (ch != null) {
            if (!inputDone) {
                ch.shutdownInput(StoqErrorCodes.STREAM_CANCELLED);
            }
            // closing the channel fails writes still queued: let the end marker go first
            ChannelFuture end = endWrite;
            if (end != null && !end.isDone()) {
                end.addListener(f -> ch.close());
            } else {
                ch.close();
            }
        }
    }

    /** Resets the stream with an application error code (both directions that exist). */
    void reset(int code) {
        QuicStreamChannel ch = channel;
        lock.lock();
        try {
            closed = true;
            releaseQueue();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (ch == null) {
            return;
        }
        if (bidirectional) {
            ch.shutdown(code).addListener(f -> ch.close());
        } else if (!localCreated) {
            ch.shutdownInput(code).addListener(f -> ch.close());
        } else {
            ch.shutdownOutput(code).addListener(f -> ch.close());
        }
    }

    // ---- accepting side (event loop) ----

    /** Answers the opening side that the service accepted the stream. */
    void sendStatusOk() {
        QuicStreamChannel ch = channel;
        counters.bytesOut.increment();
        ch.writeAndFlush(ch.alloc().directBuffer(1).writeByte(StreamHeader.STATUS_OK));
    }

    /** Answers with an error status and message, finishes the stream and stops reading it. */
    void sendErrorAndClose(int status, String message, int stopCode) {
        QuicStreamChannel ch = channel;
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        ByteBuf frame = ch.alloc().directBuffer(1 + text.length).writeByte(status).writeBytes(text);
        counters.bytesOut.add(1 + text.length);
        lock.lock();
        try {
            closed = true;
            outputClosed = true;
            releaseQueue();
        } finally {
            lock.unlock();
        }
        ch.writeAndFlush(new DefaultQuicStreamFrame(frame, true))
                .addListener(f -> ch.shutdownInput(stopCode).addListener(g -> ch.close()));
    }

    /** Hands bytes that arrived with the header to the input queue (event loop). */
    void offer(ByteBuf buffer) {
        queue(buffer, true);
    }

    /**
     * Queues received bytes (event loop); with {@code wakeReader} false the reader is woken at the end of the read
     * pass instead ({@link Handler#channelReadComplete}), once for all the buffers of the pass.
     */
    private void queue(ByteBuf buffer, boolean wakeReader) {
        if (!buffer.isReadable()) {
            buffer.release();
            return;
        }
        lock.lock();
        try {
            if (closed || !hasInput()) {
                buffer.release();
                return;
            }
            queue.add(buffer);
            queued += buffer.readableBytes();
            peakQueued = Math.max(peakQueued, queued);
            QuicStreamChannel ch = channel;
            if (queued > INPUT_HIGH_WATER && ch != null && ch.config().isAutoRead()) {
                ch.config().setAutoRead(false);
                pauses++;
            }
            if (wakeReader) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    // ---- opening side ----

    /** Writes raw bytes (the header) without waiting (the stream was just created). */
    void writeHeader(byte[] header) {
        QuicStreamChannel ch = channel;
        counters.bytesOut.add(header.length);
        lock.lock();
        try {
            pendingOut += header.length;
        } finally {
            lock.unlock();
        }
        ch.writeAndFlush(ch.alloc().directBuffer(header.length).writeBytes(header))
                .addListener(f -> written(header.length, f));
    }

    private void written(int bytes, io.netty.util.concurrent.Future<?> future) {
        lock.lock();
        try {
            long before = pendingOut;
            pendingOut -= bytes;
            if (!future.isSuccess() && outputFailure == null) {
                outputFailure = outputError(future.cause());
            }
            // wake a blocked writer once half the allowance is free, not for every buffer QUIC takes
            boolean crossedLowWater = before > OUTPUT_PENDING_LIMIT / 2 && pendingOut <= OUTPUT_PENDING_LIMIT / 2;
            if (crossedLowWater || pendingOut == 0 || outputFailure != null) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private StoqException outputError(Throwable cause) {
        if (cause instanceof ChannelOutputShutdownException) {
            return new StoqException("the peer stopped reading the stream to service '" + service + "'", cause);
        }
        return new StoqException("writing to service '" + service + "' failed: " + cause, cause);
    }

    private void releaseQueue() {
        ByteBuf b;
        while ((b = queue.poll()) != null) {
            b.release();
        }
        queued = 0;
    }

    private void awaitSlice() throws InterruptedIOException {
        try {
            changed.awaitNanos(WAIT_SLICE_NANOS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting on the stream to service '" + service + "'");
        }
    }

    private int readRaw(byte[] b, int off, int len) throws IOException {
        lock.lock();
        try {
            for (;;) {
                if (closed) {
                    throw new StoqException("the stream to service '" + service + "' is closed");
                }
                ByteBuf head = queue.peek();
                if (head != null) {
                    int n = Math.min(len, head.readableBytes());
                    head.readBytes(b, off, n);
                    if (!head.isReadable()) {
                        queue.poll().release();
                    }
                    consumed(n);
                    return n;
                }
                if (inputFailure != null) {
                    throw new StoqException(inputFailure.getMessage(), inputFailure);
                }
                if (eof) {
                    return -1;
                }
                awaitSlice();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Accounts for {@code n} bytes taken from the input queue; resumes reading from QUIC below the low water mark. */
    private void consumed(int n) {
        queued -= n;
        QuicStreamChannel ch = channel;
        if (queued <= INPUT_LOW_WATER && ch != null && !ch.config().isAutoRead()) {
            ch.config().setAutoRead(true);
        }
    }

    /** Reads service data: the payload of the chunks, up to the peer's end marker. */
    private int readPayload(byte[] b, int off, int len) throws IOException {
        lock.lock();
        try {
            for (;;) {
                if (closed) {
                    throw new StoqException("the stream to service '" + service + "' is closed");
                }
                if (endSeen) {
                    return -1;
                }
                if (chunkLeft == 0) {
                    int length = takeChunkPrefix();
                    if (length == 0) {
                        endSeen = true;
                        finished(payloadIn);
                        return -1;
                    }
                    if (length > 0) {
                        chunkLeft = length;
                        continue;
                    }
                } else {
                    ByteBuf head = queue.peek();
                    if (head != null) {
                        int n = (int) Math.min(Math.min(len, chunkLeft), head.readableBytes());
                        head.readBytes(b, off, n);
                        if (!head.isReadable()) {
                            queue.poll().release();
                        }
                        chunkLeft -= n;
                        payloadIn += n;
                        consumed(n);
                        return n;
                    }
                }
                if (inputFailure != null) {
                    throw new StoqException(inputFailure.getMessage(), inputFailure);
                }
                if (eof) {
                    throw new StoqException("the stream to service '" + service
                            + "' ended without its end marker: the peer's data is cut off");
                }
                awaitSlice();
            }
        } finally {
            lock.unlock();
        }
    }

    /** @return the next chunk's length, or -1 while its prefix has not fully arrived (lock held) */
    private int takeChunkPrefix() throws StoqException {
        ByteBuf head = queue.peek();
        if (head == null) {
            return -1;
        }
        int size = PayloadChunks.prefixBytesFromFirst(head.getByte(head.readerIndex()));
        if (queued < size) {
            return -1;
        }
        long prefix = 0;
        for (int i = 0; i < size; i++) {
            ByteBuf buffer = queue.peek();
            prefix = (prefix << 8) | buffer.readUnsignedByte();
            if (!buffer.isReadable()) {
                queue.poll().release();
            }
        }
        consumed(size);
        try {
            return PayloadChunks.decode(prefix, size);
        } catch (IllegalArgumentException e) {
            inputFailure = new StoqException("the peer sent a malformed stream to service '" + service + "': "
                    + e.getMessage());
            throw (StoqException) inputFailure;
        }
    }

    private void consumeStatus() throws IOException {
        if (statusFailure != null) {
            throw statusFailure;
        }
        if (!statusPending) {
            return;
        }
        byte[] one = new byte[1];
        int n = readRaw(one, 0, 1);
        if (n < 0) {
            statusPending = false;
            statusFailure = new StoqException("the peer finished the stream to service '" + service
                    + "' without answering");
            throw statusFailure;
        }
        int status = one[0] & 0xff;
        if (status == StreamHeader.STATUS_OK) {
            statusPending = false;
            return;
        }
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        byte[] chunk = new byte[256];
        while (message.size() < StreamHeader.MAX_ERROR_MESSAGE_BYTES) {
            int r;
            try {
                r = readRaw(chunk, 0, chunk.length);
            } catch (StoqException e) {
                break;
            }
            if (r < 0) {
                break;
            }
            message.write(chunk, 0, r);
        }
        String text = message.toString(StandardCharsets.UTF_8);
        statusPending = false;
        if (status == StreamHeader.STATUS_NO_SERVICE) {
            statusFailure = new StoqException("peer has no service '" + service + "'");
        } else if (status == StreamHeader.STATUS_BUSY) {
            statusFailure = new StoqException("peer is too busy to serve '" + service + "': " + text);
        } else {
            statusFailure = new StoqException("peer refused the stream to service '" + service + "' (status "
                    + status + "): " + text);
        }
        throw statusFailure;
    }

    /** How long closing waits for written bytes that QUIC does not take at all before giving up on them. */
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(2);

    /**
     * Finishes this side's output: queues the end marker with the FIN behind every byte written; with
     * {@code waitForQuic} (and off the event loop) then waits until QUIC has taken all of it, giving up once
     * nothing has moved for {@link #STALL_NANOS} (a peer that stopped reading may never take it).
     */
    private void closeOutput(boolean waitForQuic) throws IOException {
        QuicStreamChannel ch = channel;
        long sent;
        lock.lock();
        try {
            boolean peerRefused = statusFailure != null || outputFailure != null;
            if (outputClosed || ch == null || peerRefused) {
                // after the peer refused or stopped the stream, QUIC would never take more: just close
                outputClosed = true;
                return;
            }
            outputClosed = true;
            pendingOut += PayloadChunks.END_MARKER_BYTES;
            sent = payloadOut;
        } finally {
            lock.unlock();
        }
        ByteBuf marker = ch.alloc().directBuffer(PayloadChunks.END_MARKER_BYTES);
        PayloadChunks.writePrefix(marker, 0);
        ChannelFuture end = ch.writeAndFlush(new DefaultQuicStreamFrame(marker, true));
        endWrite = end;
        end.addListener(f -> {
            if (f.isSuccess()) {
                counters.bytesOut.add(PayloadChunks.END_MARKER_BYTES);
                finished(sent);
            }
            written(PayloadChunks.END_MARKER_BYTES, f);
        });
        if (!waitForQuic || ch.eventLoop().inEventLoop()) {
            return;
        }
        lock.lock();
        try {
            // a peer that stopped the stream (STOP_SENDING) may leave written bytes untaken for good: give up
            // once nothing has moved for STALL_NANOS (a slow but live peer keeps making progress)
            long pending = pendingOut;
            long lastProgress = System.nanoTime();
            while (pendingOut > 0 && outputFailure == null && ch.isActive()) {
                awaitSlice();
                if (pendingOut != pending) {
                    pending = pendingOut;
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > STALL_NANOS) {
                    return;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Reports a direction of a bulk stream to the endpoint's observer; smaller streams are not reported. */
    private void finished(long payloadBytes) {
        if (payloadBytes >= TransportObserver.BULK_STREAM_BYTES) {
            connection.observer().bulkStreamFinished(payloadBytes, System.nanoTime() - openedNanos);
        }
    }

    private final class In extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            consumeStatus();
            return readPayload(b, off, len);
        }

        @Override
        public int available() {
            lock.lock();
            try {
                return statusPending ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.min(queued, chunkLeft));
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            QuicStreamChannel ch = channel;
            boolean stop;
            lock.lock();
            try {
                stop = !eof && inputFailure == null && !closed;
                eof = true;
                releaseQueue();
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            if (stop && ch != null) {
                ch.shutdownInput(StoqErrorCodes.STREAM_CANCELLED);
            }
        }
    }

    private final class Out extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            QuicStreamChannel ch = channel;
            while (len > 0) {
                int n = Math.min(len, WRITE_CHUNK);
                int size = n + PayloadChunks.prefixBytes(n);
                lock.lock();
                try {
                    for (;;) {
                        if (outputClosed || closed) {
                            throw new StoqException("the output to service '" + service + "' is closed");
                        }
                        if (outputFailure != null) {
                            throw new StoqException(outputFailure.getMessage(), outputFailure);
                        }
                        if (!ch.isActive()) {
                            throw new StoqException("the stream to service '" + service
                                    + "' was closed by the peer or with its connection");
                        }
                        if (ch.isWritable() && pendingOut < OUTPUT_PENDING_LIMIT) {
                            break;
                        }
                        awaitSlice();
                    }
                    pendingOut += size;
                    payloadOut += n;
                } finally {
                    lock.unlock();
                }
                ByteBuf buffer = ch.alloc().directBuffer(size);
                PayloadChunks.writePrefix(buffer, n);
                buffer.writeBytes(b, off, n);
                ch.writeAndFlush(buffer).addListener(f -> {
                    if (f.isSuccess()) {
                        counters.bytesOut.add(size);
                    }
                    written(size, f);
                });
                off += n;
                len -= n;
            }
        }

        @Override
        public void flush() {
            // every write is flushed
        }

        @Override
        public void close() throws IOException {
            closeOutput(true);
        }
    }

    private final class ReadOnly extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new StoqException("the stream to service '" + service
                    + "' is unidirectional from the peer; this side only reads");
        }
    }

    /** Event-loop side of the bridge. */
    private final class Handler extends ChannelInboundHandlerAdapter {

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            QuicStreamChannel ch = (QuicStreamChannel) ctx.channel();
            if (bidirectional) {
                // keep the stream open after the peer's FIN so this side can still answer
                ch.config().setAllowHalfClosure(true);
            }
            channel = ch;
            counters.streamsActive.increment();
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            counters.streamsActive.decrement();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf buffer) {
                counters.bytesIn.add(buffer.readableBytes());
                queue(buffer, false);
            } else {
                io.netty.util.ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            lock.lock();
            try {
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            ctx.fireChannelReadComplete();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event == ChannelInputShutdownReadComplete.INSTANCE) {
                lock.lock();
                try {
                    eof = true;
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            lock.lock();
            try {
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            lock.lock();
            try {
                if (inputFailure == null && !eof) {
                    if (cause instanceof QuicStreamResetException reset) {
                        inputFailure = new StoqException("the peer reset the stream to service '" + service + "' ("
                                + StoqErrorCodes.name(reset.applicationProtocolCode()) + ")", cause);
                    } else {
                        inputFailure = new StoqException("the stream to service '" + service + "' failed: " + cause, cause);
                    }
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            lock.lock();
            try {
                if (!eof && inputFailure == null && hasInput() && ((QuicStreamChannel) ctx.channel()).isInputShutdown()) {
                    // a unidirectional stream closes right after the peer's FIN
                    eof = true;
                } else if (!eof && inputFailure == null) {
                    inputFailure = new StoqException("the stream to service '" + service
                            + "' was closed before the peer finished it");
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            ctx.fireChannelInactive();
        }
    }
}
