package network.internet2.trustchain.dns;

import java.net.Inet6Address;
import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Adds and removes AAAA records in the node's zone. Each bundle gets its own
 * instance (bundle scope); its records disappear when it releases the service.
 */
@ProviderType
public interface ZoneRegistry {

    /**
     * Publishes {@code name} → {@code address}. A name relative to the zone
     * ({@code stoq}) and a fully qualified one ({@code stoq.internet2.network.}) are both accepted.
     *
     * @return a handle that removes exactly this record when closed
     * @throws IllegalArgumentException if the name is malformed or outside the zone,
     *         or the TTL is negative or longer than a week
     */
    DnsRegistration register(String name, Inet6Address address, Duration ttl);

    /** @return every record in the zone, in canonical order */
    List<DnsRecord> records();
}
