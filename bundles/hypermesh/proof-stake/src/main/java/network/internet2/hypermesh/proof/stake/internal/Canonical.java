package network.internet2.hypermesh.proof.stake.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds the unambiguous byte strings that are signed: fixed-width big-endian
 * numbers, and byte strings and texts (UTF-8) preceded by their 4-byte length,
 * so that no two different field lists encode alike.
 */
final class Canonical {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    static Canonical tagged(String tag) {
        return new Canonical().text(tag);
    }

    Canonical text(String text) {
        return bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    Canonical bytes(byte[] bytes) {
        int length = bytes.length;
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        out.write(bytes, 0, length);
        return this;
    }

    Canonical u8(int value) {
        out.write(value);
        return this;
    }

    Canonical u64(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    byte[] toBytes() {
        return out.toByteArray();
    }
}
