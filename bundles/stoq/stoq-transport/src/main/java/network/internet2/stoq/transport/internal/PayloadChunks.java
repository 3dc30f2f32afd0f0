package network.internet2.stoq.transport.internal;

import io.netty.buffer.ByteBuf;

/**
 * How service data travels after the stream header (and after the status byte of a bidirectional answer).
 *
 * <p>Data goes in chunks: a length as a QUIC variable-length integer (RFC 9000 section 16; 1, 2 or 4 bytes
 * here) followed by that many bytes. A chunk of length 0 is the end marker: it is written in the same
 * STREAM frame as the FIN, and the reader ends the stream there.
 *
 * <p>Why not the FIN alone: quiche (Netty's QUIC library) drops a FIN written with no data once every earlier
 * byte of the stream is acknowledged — it considers the stream complete and discards it before the FIN is
 * sent (quiche issue 2525, open as of Netty 4.2.18). The peer then reads every byte and waits for an end that
 * never comes. A FIN that rides with the one-byte end marker is always sent. The marker also lets the reader
 * tell a finished stream from a truncated one.
 */
final class PayloadChunks {

    /** Largest chunk a reader accepts; writers send at most {@link QuicStoqStream#WRITE_CHUNK}. */
    static final int MAX_CHUNK = 1 << 20;
    /** Bytes the end marker takes. */
    static final int END_MARKER_BYTES = 1;

    private PayloadChunks() {
    }

    /** @return the bytes the length prefix of a chunk of {@code length} takes */
    static int prefixBytes(int length) {
        if (length < 0 || length > MAX_CHUNK) {
            throw new IllegalArgumentException("chunk length " + length + " is outside 0.." + MAX_CHUNK);
        }
        return length < 64 ? 1 : length < 16384 ? 2 : 4;
    }

    /** Writes the length prefix of a chunk of {@code length}. */
    static void writePrefix(ByteBuf out, int length) {
        switch (prefixBytes(length)) {
            case 1 -> out.writeByte(length);
            case 2 -> out.writeShort(0x4000 | length);
            default -> out.writeInt(0x8000_0000 | length);
        }
    }

    /** @return the size of a length prefix, from its first byte */
    static int prefixBytesFromFirst(int firstByte) {
        return 1 << ((firstByte & 0xff) >>> 6);
    }

    /**
     * @param prefix the prefix bytes, big-endian, first byte included
     * @return the chunk length
     * @throws IllegalArgumentException if the length exceeds {@link #MAX_CHUNK}
     */
    static int decode(long prefix, int size) {
        long mask = size == 8 ? 0x3fff_ffff_ffff_ffffL : (1L << (8 * size - 2)) - 1;
        long length = prefix & mask;
        if (length > MAX_CHUNK) {
            throw new IllegalArgumentException("a chunk of " + length + " bytes is larger than the " + MAX_CHUNK
                    + " a STOQ reader accepts");
        }
        return (int) length;
    }
}
