package network.internet2.stoq.transport.internal;

import java.util.Optional;

import network.internet2.stoq.StoqService;

/** Finds the service an incoming stream's header names (the whiteboard, in OSGi). */
@FunctionalInterface
public interface ServiceDirectory {

    /**
     * @param name the service name from the stream header
     * @return the service, or empty if this node offers none under that name
     */
    Optional<StoqService> find(String name);
}
