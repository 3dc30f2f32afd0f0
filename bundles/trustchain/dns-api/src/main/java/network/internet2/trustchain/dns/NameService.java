package network.internet2.trustchain.dns;

import java.net.Inet6Address;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Resolves names of the stack to IPv6 addresses from the embedded DNS (and,
 * once nodes federate, from peers), caching answers for their TTL. There is no
 * fallback to the operating system's resolver, and never an IPv4 answer.
 */
@ProviderType
public interface NameService {

    /**
     * Resolves a name to its AAAA addresses.
     *
     * @param name a fully qualified name, with or without the trailing dot
     * @return the addresses, never empty
     * @throws NameResolutionException if the name does not exist, has no AAAA
     *         records, or lies outside every zone this service answers for
     */
    List<Inet6Address> resolve(String name) throws NameResolutionException;

    /** @return the zone this node is authoritative for, e.g. {@code internet2.network.} */
    String zone();
}
