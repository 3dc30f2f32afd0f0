/**
 * Karaf shell commands of the TrustChain DNS server, for an operator at the
 * node's console:
 * {@code dns:records} (the zone as the server answers it, filtered by type or owner),
 * {@code dns:resolve} (a name to its IPv6 addresses, through the stack's own resolver),
 * {@code dns:add} and {@code dns:remove} (the operator's own AAAA records, kept across restarts),
 * {@code dns:ds} (the DS record the parent zone needs) and
 * {@code dns:stats} (what the server has answered since it started).
 *
 * <p>The commands only call the {@link network.internet2.trustchain.dns.DnsAdministration}
 * and {@link network.internet2.trustchain.dns.NameService} services; Karaf registers
 * them while those services are present. User errors (an IPv4 or malformed address,
 * a negative TTL, a name outside the zone) fail the command with a one-line message
 * and no stack trace; nothing is changed. Karaf reads options only before the first
 * argument ({@code dns:add --ttl 60 name address}), which every command's help says.
 * The bundle carries the header
 * {@code Karaf-Commands: network.internet2.trustchain.dns.cli.internal} (see
 * {@code bnd.bnd}) and is installed by the DNS feature when the {@code shell}
 * feature is there. Nothing here is exported.
 */
package network.internet2.trustchain.dns.cli.internal;
