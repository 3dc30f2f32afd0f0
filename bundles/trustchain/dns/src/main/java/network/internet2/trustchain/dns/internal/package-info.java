/**
 * The embedded authoritative DNS server of TrustChain.
 *
 * <p>What it is for: the stack resolves its own names without any external
 * DNS. This bundle answers for one zone ({@code internet2.network} by default)
 * over UDP and TCP on IPv6 only, signs it online with DNSSEC (ECDSA P-256,
 * algorithm 13, NSEC), and offers the same data to the other layers through
 * {@link network.internet2.trustchain.dns.NameService} and
 * {@link network.internet2.trustchain.dns.ZoneRegistry}.
 *
 * <p>How it fits together: {@link network.internet2.trustchain.dns.internal.ZoneBook}
 * holds what is published (the node's own records, records of bundles, records
 * the operator added) and, on every change, builds an immutable
 * {@link network.internet2.trustchain.dns.internal.ZoneSnapshot} through the
 * {@link network.internet2.trustchain.dns.internal.ZoneSigner}.
 * {@link network.internet2.trustchain.dns.internal.QueryResponder} turns a query
 * into its answer from the current snapshot; it never throws on bad input.
 * {@link network.internet2.trustchain.dns.internal.DnsListener} carries packets
 * on Netty's event loops. {@link network.internet2.trustchain.dns.internal.DnsServerComponent}
 * wires it as an OSGi component. {@link network.internet2.trustchain.dns.internal.DnsMetrics}
 * times every answer (by type, response code and transport) into the node's Micrometer registry,
 * told of each through a {@link network.internet2.trustchain.dns.internal.QueryObserver}.
 *
 * <p>Not here: zone transfers (AXFR/IXFR are refused), dynamic update (NOTIMP),
 * recursion (names outside the zone are REFUSED) and federation with peers.
 */
package network.internet2.trustchain.dns.internal;
