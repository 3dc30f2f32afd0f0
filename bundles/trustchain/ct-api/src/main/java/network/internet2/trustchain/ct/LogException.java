package network.internet2.trustchain.ct;

/** A log operation failed; nothing was appended. */
public class LogException extends Exception {

    private static final long serialVersionUID = 1L;

    public LogException(String message) {
        super(message);
    }

    public LogException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The input is wrong (RFC 6962 answers these with HTTP 400). */
    public static class BadRequest extends LogException {

        private static final long serialVersionUID = 1L;

        public BadRequest(String message) {
            super(message);
        }
    }

    /** The log cannot accept entries now (storage failure, shutting down). */
    public static class Unavailable extends LogException {

        private static final long serialVersionUID = 1L;

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
