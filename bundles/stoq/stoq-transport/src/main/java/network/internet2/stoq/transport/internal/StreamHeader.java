package network.internet2.stoq.transport.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The STOQ stream framing.
 *
 * <p>Every stream starts with a header from the opening side:
 * {@code version (1 byte, = 1) | length (1 byte, 1..255) | service name (UTF-8, length bytes)}.
 *
 * <p>On a bidirectional stream the accepting side answers with one status
 * byte before any service data: {@link #STATUS_OK} (the opening side's input
 * stream consumes it transparently), or an error status followed by a UTF-8
 * message up to the end of the stream ({@link #STATUS_NO_SERVICE},
 * {@link #STATUS_BUSY}). Unidirectional streams get no answer; an unknown
 * service resets them with {@link StoqErrorCodes#STREAM_UNKNOWN_SERVICE}.
 */
public final class StreamHeader {

    /** The only header version. */
    public static final int VERSION = 1;
    /** Longest service name in UTF-8 bytes. */
    public static final int MAX_NAME_BYTES = 255;
    /** Longest header. */
    public static final int MAX_HEADER_BYTES = 2 + MAX_NAME_BYTES;

    /** The service accepted the stream. */
    public static final int STATUS_OK = 0;
    /** No service of that name; a UTF-8 message follows. */
    public static final int STATUS_NO_SERVICE = 1;
    /** No worker free; a UTF-8 message follows. */
    public static final int STATUS_BUSY = 2;

    /** Longest error message accepted after an error status. */
    static final int MAX_ERROR_MESSAGE_BYTES = 1024;

    private StreamHeader() {
    }

    /**
     * @return the header bytes naming the service
     * @throws IllegalArgumentException if the name is empty, longer than 255 UTF-8 bytes or contains control characters
     */
    public static byte[] encode(String service) {
        validate(service);
        byte[] name = service.getBytes(StandardCharsets.UTF_8);
        byte[] header = new byte[2 + name.length];
        header[0] = VERSION;
        header[1] = (byte) name.length;
        System.arraycopy(name, 0, header, 2, name.length);
        return header;
    }

    static void validate(String service) {
        if (service == null || service.isEmpty()) {
            throw new IllegalArgumentException("the service name is empty");
        }
        int bytes = service.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("the service name '" + service + "' is " + bytes
                    + " UTF-8 bytes; at most " + MAX_NAME_BYTES + " fit in a stream header");
        }
        if (service.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the service name contains control characters");
        }
    }

    /** Result of trying to parse a header from the bytes received so far. */
    record Parsed(String service, String error, int length) {

        static final Parsed INCOMPLETE = new Parsed(null, null, 0);

        boolean complete() {
            return service != null;
        }

        boolean malformed() {
            return error != null;
        }
    }

    /**
     * Parses a header from the start of {@code bytes} (positions {@code 0..available}).
     *
     * @return the service and header length, {@link Parsed#INCOMPLETE} if more bytes are needed,
     *         or an error saying why the header is malformed
     */
    static Parsed parse(byte[] bytes, int available) {
        if (available < 1) {
            return Parsed.INCOMPLETE;
        }
        if ((bytes[0] & 0xff) != VERSION) {
            return new Parsed(null, "unknown header version " + (bytes[0] & 0xff), 0);
        }
        if (available < 2) {
            return Parsed.INCOMPLETE;
        }
        int length = bytes[1] & 0xff;
        if (length == 0) {
            return new Parsed(null, "empty service name", 0);
        }
        if (available < 2 + length) {
            return Parsed.INCOMPLETE;
        }
        String name;
        try {
            name = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 2, length)).toString();
        } catch (CharacterCodingException e) {
            return new Parsed(null, "service name is not UTF-8", 0);
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return new Parsed(null, "service name contains control characters", 0);
        }
        return new Parsed(name, null, 2 + length);
    }
}
