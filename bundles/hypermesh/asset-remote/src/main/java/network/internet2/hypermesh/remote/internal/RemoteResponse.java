package network.internet2.hypermesh.remote.internal;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The answer to a {@link RemoteRequest}: a status byte, then the result (OK)
 * or a UTF-8 reason (anything else), up to the end of the stream.
 * <pre>
 * OK: SIZE u64 · READ the bytes · WRITE, FLUSH nothing · COMPARE_AND_SWAP u8 (1 swapped, 0 not)
 * </pre>
 *
 * @param status what happened
 * @param body   the result or the reason
 */
record RemoteResponse(Status status, byte[] body) {

    /** Longest reason sent or accepted. */
    static final int MAX_REASON_BYTES = 4096;

    /** How a request ended. */
    enum Status {
        /** Done; the body is the result. */
        OK,
        /** Refused: no such allocation, not the caller's, of another kind, or gone. */
        REFUSED,
        /** Malformed, or outside the allocation's bounds. */
        BAD_REQUEST,
        /** The node failed to serve it (e.g. an I/O error). */
        FAILED
    }

    static RemoteResponse ok(byte[] result) {
        return new RemoteResponse(Status.OK, result);
    }

    static RemoteResponse error(Status status, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        if (text.length > MAX_REASON_BYTES) {
            text = java.util.Arrays.copyOf(text, MAX_REASON_BYTES);
        }
        return new RemoteResponse(status, text);
    }

    String reason() {
        return new String(body, StandardCharsets.UTF_8);
    }

    void writeTo(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeByte(status.ordinal());
        out.write(body);
        out.flush();
    }

    /**
     * Reads a whole response.
     *
     * @param maxBody the most bytes the result may have
     * @throws IOException if the stream ends before the status, the status is unknown or the body is too long
     */
    static RemoteResponse readFrom(InputStream in, int maxBody) throws IOException {
        int code = in.read();
        if (code < 0 || code >= Status.values().length) {
            throw new IOException(code < 0 ? "the node closed the stream without answering"
                    : "the node answered with unknown status " + code);
        }
        Status status = Status.values()[code];
        int limit = status == Status.OK ? maxBody : MAX_REASON_BYTES;
        byte[] body = in.readNBytes(limit);
        if (in.read() != -1) {
            throw new IOException("the node's answer is longer than " + limit + " bytes");
        }
        return new RemoteResponse(status, body);
    }
}
