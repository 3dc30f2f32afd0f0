package network.internet2.stoq.transport.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

public class PayloadChunksTest {

    /** Encodings from RFC 9000 appendix A.1 (two-byte 0x7bbd = 15293; four-byte 0x9d7f3e7d = 494878333). */
    @Test
    public void prefixesAreQuicVariableLengthIntegers() {
        assertEquals(0x7bbd, encode(15293, 2));
        assertEquals(15293, PayloadChunks.decode(0x7bbd, 2));
        assertEquals(37, PayloadChunks.decode(0x4025, 2)); // RFC 9000 A.1: 37 in two bytes is also valid
        assertEquals(37, PayloadChunks.decode(0x25, 1));
        assertEquals(0x8001_0000L, encode(65536, 4) & 0xffff_ffffL);
        assertEquals(4, PayloadChunks.prefixBytesFromFirst(0x9d));
        assertEquals(2, PayloadChunks.prefixBytesFromFirst(0x7b));
        assertEquals(1, PayloadChunks.prefixBytesFromFirst(0x25));
        assertEquals(8, PayloadChunks.prefixBytesFromFirst(0xc2));
    }

    @Test
    public void everyLengthRoundTrips() {
        for (int length : new int[] {0, 1, 63, 64, 16383, 16384, QuicStoqStream.WRITE_CHUNK, PayloadChunks.MAX_CHUNK}) {
            ByteBuf buffer = Unpooled.buffer();
            PayloadChunks.writePrefix(buffer, length);
            int size = PayloadChunks.prefixBytesFromFirst(buffer.getByte(0));
            assertEquals(PayloadChunks.prefixBytes(length), size);
            assertEquals(size, buffer.readableBytes());
            long prefix = 0;
            while (buffer.isReadable()) {
                prefix = (prefix << 8) | buffer.readUnsignedByte();
            }
            assertEquals(length, PayloadChunks.decode(prefix, size));
        }
    }

    @Test
    public void oversizedChunksAreRefused() {
        try {
            PayloadChunks.decode(0x9d7f3e7dL, 4); // RFC 9000 A.1: 494878333
            fail("a chunk of 494878333 bytes must be refused");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("494878333"));
        }
        try {
            PayloadChunks.prefixBytes(PayloadChunks.MAX_CHUNK + 1);
            fail("writing an oversized chunk must be refused");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("outside"));
        }
    }

    private static long encode(int length, int expectedBytes) {
        ByteBuf buffer = Unpooled.buffer();
        PayloadChunks.writePrefix(buffer, length);
        assertEquals(expectedBytes, buffer.readableBytes());
        long value = 0;
        while (buffer.isReadable()) {
            value = (value << 8) | buffer.readUnsignedByte();
        }
        return value;
    }
}
