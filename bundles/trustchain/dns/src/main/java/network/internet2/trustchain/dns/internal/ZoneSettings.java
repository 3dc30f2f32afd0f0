package network.internet2.trustchain.dns.internal;

import java.net.Inet6Address;
import java.util.List;

import org.xbill.DNS.Name;

/**
 * What the zone is made of before anything is published into it.
 *
 * @param origin       the zone's apex, absolute
 * @param nodeName     the node's own label: {@code <nodeName>.<origin>} points at the node
 * @param nodeAddress  the node's IPv6 address, published for the node and its service names
 * @param serviceNames labels of the node's services ({@code stoq}, {@code ca}, …), each pointing at the node
 * @param ttl          TTL of the node's records and the default for published ones, in seconds
 * @param negativeTtl  how long resolvers may cache NXDOMAIN and NODATA (the SOA minimum), in seconds
 */
record ZoneSettings(Name origin, String nodeName, Inet6Address nodeAddress, List<String> serviceNames,
        long ttl, long negativeTtl) {

    /** A week: the longest TTL the zone accepts (what the dns-api promises). */
    static final long MAX_TTL = 7 * 24 * 3600;

    ZoneSettings {
        serviceNames = List.copyOf(serviceNames);
        checkTtl(ttl, "ttl");
        checkTtl(negativeTtl, "negative.ttl");
    }

    static long checkTtl(long ttl, String what) {
        if (ttl < 0 || ttl > MAX_TTL) {
            throw new IllegalArgumentException(what + " must be between 0 and " + MAX_TTL + " seconds, got " + ttl);
        }
        return ttl;
    }

    /** @return the name of the server itself, which the SOA and NS records name */
    Name serverName() {
        return ZoneNames.inZone("dns", origin);
    }
}
