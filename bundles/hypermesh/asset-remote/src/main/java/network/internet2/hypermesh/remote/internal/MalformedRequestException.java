package network.internet2.hypermesh.remote.internal;

import java.io.IOException;

/** A request that does not follow the protocol; it is answered with the reason and changes nothing. */
final class MalformedRequestException extends IOException {

    private static final long serialVersionUID = 1L;

    MalformedRequestException(String message) {
        super(message);
    }
}
