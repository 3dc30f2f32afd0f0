package network.internet2.stoq;

import java.io.IOException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A service offered on incoming STOQ streams. Register it with the
 * {@link #SERVICE_PROPERTY} property; a stream whose header names that value
 * is handed to {@link #accept(StoqStream)} on a transport worker thread.
 */
@ConsumerType
public interface StoqService {

    /** Service property naming the service, e.g. {@code stoq.service=hypermesh.memory}. */
    String SERVICE_PROPERTY = "stoq.service";

    /**
     * Serves one incoming stream. The transport closes the stream when this
     * method returns or throws.
     */
    void accept(StoqStream stream) throws IOException;
}
