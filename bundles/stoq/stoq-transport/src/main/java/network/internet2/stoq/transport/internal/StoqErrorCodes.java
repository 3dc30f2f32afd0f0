package network.internet2.stoq.transport.internal;

/**
 * Application error codes STOQ puts in QUIC CONNECTION_CLOSE and
 * RESET_STREAM/STOP_SENDING frames, and names for TLS alerts.
 */
public final class StoqErrorCodes {

    /** Normal close. */
    public static final int NO_ERROR = 0x0;
    /** The listener serves {@code maxConnections} already. */
    public static final int CONNECTION_LIMIT = 0x101;
    /** The connection gate refused the peer (e.g. the possession proof failed). */
    public static final int ADMISSION_REFUSED = 0x102;
    /** The endpoint is shutting down. */
    public static final int SHUTDOWN = 0x103;
    /** Handshake plus admission did not finish within the handshake timeout. */
    public static final int ADMISSION_TIMEOUT = 0x104;

    /** The stream header was malformed or late. */
    public static final int STREAM_MALFORMED_HEADER = 0x201;
    /** The stream named a service this node does not offer. */
    public static final int STREAM_UNKNOWN_SERVICE = 0x202;
    /** No worker was free to serve the stream. */
    public static final int STREAM_BUSY = 0x203;
    /** The reading side stopped before the end of the stream. */
    public static final int STREAM_CANCELLED = 0x204;
    /** The stream arrived on a connection that was not (or not yet) admitted. */
    public static final int STREAM_NOT_ADMITTED = 0x205;

    private StoqErrorCodes() {
    }

    /** @return a readable name of a STOQ application error code */
    public static String name(long code) {
        return switch ((int) code) {
            case NO_ERROR -> "no-error";
            case CONNECTION_LIMIT -> "connection-limit";
            case ADMISSION_REFUSED -> "admission-refused";
            case SHUTDOWN -> "shutdown";
            case ADMISSION_TIMEOUT -> "admission-timeout";
            case STREAM_MALFORMED_HEADER -> "malformed-header";
            case STREAM_UNKNOWN_SERVICE -> "unknown-service";
            case STREAM_BUSY -> "busy";
            case STREAM_CANCELLED -> "cancelled";
            case STREAM_NOT_ADMITTED -> "not-admitted";
            default -> "0x" + Long.toHexString(code);
        };
    }

    /** @return the RFC 8446 name of a TLS alert */
    public static String tlsAlertName(int alert) {
        return switch (alert) {
            case 0 -> "close_notify";
            case 10 -> "unexpected_message";
            case 20 -> "bad_record_mac";
            case 40 -> "handshake_failure";
            case 42 -> "bad_certificate";
            case 43 -> "unsupported_certificate";
            case 44 -> "certificate_revoked";
            case 45 -> "certificate_expired";
            case 46 -> "certificate_unknown";
            case 47 -> "illegal_parameter";
            case 48 -> "unknown_ca";
            case 49 -> "access_denied";
            case 50 -> "decode_error";
            case 51 -> "decrypt_error";
            case 70 -> "protocol_version";
            case 71 -> "insufficient_security";
            case 80 -> "internal_error";
            case 86 -> "inappropriate_fallback";
            case 90 -> "user_canceled";
            case 109 -> "missing_extension";
            case 110 -> "unsupported_extension";
            case 112 -> "unrecognized_name";
            case 116 -> "certificate_required";
            case 120 -> "no_application_protocol";
            default -> "alert " + alert;
        };
    }
}
