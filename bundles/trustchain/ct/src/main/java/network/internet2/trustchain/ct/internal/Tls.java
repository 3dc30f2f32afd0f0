package network.internet2.trustchain.ct.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;

/**
 * The TLS presentation language encodings RFC 6962 uses (RFC 8446 section 3):
 * big-endian integers and opaque vectors with 1-, 2- or 3-byte length prefixes.
 */
final class Tls {

    private Tls() {
    }

    /** Builds an encoding. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer u8(int value) {
            out.write(value);
            return this;
        }

        Writer u16(int value) {
            return u8(value >>> 8).u8(value);
        }

        Writer u24(int value) {
            return u8(value >>> 16).u16(value);
        }

        Writer u64(long value) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (value >>> shift));
            }
            return this;
        }

        Writer bytes(byte[] value) {
            out.writeBytes(value);
            return this;
        }

        Writer opaque16(byte[] value) {
            if (value.length > 0xFFFF) {
                throw new IllegalArgumentException("opaque<0..2^16-1> cannot hold " + value.length + " bytes");
            }
            return u16(value.length).bytes(value);
        }

        Writer opaque24(byte[] value) {
            if (value.length > 0xFFFFFF) {
                throw new IllegalArgumentException("opaque<0..2^24-1> cannot hold " + value.length + " bytes");
            }
            return u24(value.length).bytes(value);
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }

    /** Reads an encoding; every read fails with {@link IllegalArgumentException} past the end. */
    static final class Reader {
        private final ByteBuffer in;

        Reader(byte[] encoded) {
            this.in = ByteBuffer.wrap(encoded);
        }

        int u8() {
            return guard(() -> in.get() & 0xFF);
        }

        int u16() {
            return guard(() -> in.getShort() & 0xFFFF);
        }

        int u24() {
            return (u8() << 16) | u16();
        }

        long u64() {
            return guard(in::getLong);
        }

        byte[] bytes(int length) {
            if (length > in.remaining()) {
                throw new IllegalArgumentException("truncated: " + length + " bytes announced, "
                        + in.remaining() + " left");
            }
            byte[] value = new byte[length];
            in.get(value);
            return value;
        }

        byte[] opaque16() {
            return bytes(u16());
        }

        byte[] opaque24() {
            return bytes(u24());
        }

        boolean atEnd() {
            return !in.hasRemaining();
        }

        private static <T> T guard(java.util.function.Supplier<T> read) {
            try {
                return read.get();
            } catch (BufferUnderflowException e) {
                throw new IllegalArgumentException("truncated encoding", e);
            }
        }
    }
}
