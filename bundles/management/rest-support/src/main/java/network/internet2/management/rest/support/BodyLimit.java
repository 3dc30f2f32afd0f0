package network.internet2.management.rest.support;

/**
 * How large a request body a REST interface reads.
 *
 * @param maxBytes         largest body accepted; a larger one is answered 413
 * @param drainBytes       a too-large body up to this size is read and dropped before the 413
 *                         is sent, so that a client still sending it gets the answer rather
 *                         than a broken connection; larger ones are not read
 * @param tooLargeMessage  the 413's message: the limit and what to send instead
 */
public record BodyLimit(int maxBytes, long drainBytes, String tooLargeMessage) {

    public BodyLimit {
        if (maxBytes < 0 || drainBytes < 0) {
            throw new IllegalArgumentException("body limits cannot be negative");
        }
    }
}
