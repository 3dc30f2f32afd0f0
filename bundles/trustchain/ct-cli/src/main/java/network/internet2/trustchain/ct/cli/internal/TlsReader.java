package network.internet2.trustchain.ct.cli.internal;

import java.util.Arrays;

/**
 * Reads the TLS presentation language (RFC 8446 section 3) that RFC 6962 uses
 * for {@code leaf_input} and {@code extra_data}: big-endian integers and
 * length-prefixed opaque vectors. Every read past the end fails with an
 * {@link IllegalArgumentException} saying where.
 */
final class TlsReader {

    private final byte[] data;
    private int position;

    TlsReader(byte[] data) {
        this.data = data;
    }

    int u8() {
        return (int) unsigned(1, "a 1-byte integer");
    }

    int u16() {
        return (int) unsigned(2, "a 2-byte integer");
    }

    long u64() {
        return unsigned(8, "an 8-byte integer");
    }

    byte[] bytes(int length, String what) {
        need(length, what);
        byte[] bytes = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return bytes;
    }

    /** @return the contents of an {@code opaque<..2^16-1>} vector */
    byte[] opaque16(String what) {
        return bytes(u16(), what);
    }

    /** @return the contents of an {@code opaque<..2^24-1>} vector */
    byte[] opaque24(String what) {
        return bytes((int) unsigned(3, "the 3-byte length of " + what), what);
    }

    boolean atEnd() {
        return position == data.length;
    }

    int position() {
        return position;
    }

    int remaining() {
        return data.length - position;
    }

    private long unsigned(int length, String what) {
        need(length, what);
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = (value << 8) | (data[position++] & 0xff);
        }
        return value;
    }

    private void need(int length, String what) {
        if (length > data.length - position) {
            throw new IllegalArgumentException("truncated: " + what + " needs " + length + " bytes at offset "
                    + position + ", only " + (data.length - position) + " left");
        }
    }
}
