package network.internet2.trustchain.dns.internal;

import java.net.Inet6Address;
import java.time.Duration;

import org.xbill.DNS.Name;

import network.internet2.trustchain.dns.DnsRecord;

/**
 * Inside this bundle only: how the bundle-scoped {@link BundleZoneRegistry}
 * reaches the zone of the running server.
 */
public interface ZonePublisher {

    /** @return the zone's apex */
    Name origin();

    /** Publishes a record on behalf of {@code owner}; @return its id and the record as published */
    Published publish(String name, Inet6Address address, Duration ttl, String owner);

    /** Withdraws the record with {@code id}; no effect if it is gone already. */
    void withdraw(long id);

    /** @return every record the server answers with */
    java.util.List<DnsRecord> records();

    /** A published record and the id that withdraws it. */
    record Published(long id, DnsRecord record) {
    }
}
