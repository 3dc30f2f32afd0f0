package network.internet2.trustchain.dns;

import java.net.Inet6Address;
import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The operator's view of the embedded DNS server: records added by hand (kept
 * across restarts), the delegation signer a parent zone needs, and the server's
 * figures. Used by the {@code dns:*} shell commands and the management layer.
 */
@ProviderType
public interface DnsAdministration {

    /**
     * Adds an operator record {@code name AAAA address}, persisted so that it
     * survives a restart, until {@link #remove(String)} removes it.
     *
     * @throws IllegalArgumentException if the name is malformed or outside the
     *         zone, or the TTL is negative or longer than a week
     */
    DnsRecord add(String name, Inet6Address address, Duration ttl);

    /**
     * Removes every operator record of {@code name}. Records published by
     * bundles and the node's own records are not touched.
     *
     * @return the records removed (empty if there were none)
     */
    List<DnsRecord> remove(String name);

    /** @return every record the server answers with, in canonical order, including DNSSEC records */
    List<DnsRecord> records();

    /**
     * @return the DS records (SHA-256 digest) of the zone's key-signing key, in
     *         presentation form, for the parent zone to delegate to this one;
     *         empty when DNSSEC is turned off
     */
    List<String> delegationSigner();

    /** @return the server's counters since it started */
    DnsStatistics statistics();
}
