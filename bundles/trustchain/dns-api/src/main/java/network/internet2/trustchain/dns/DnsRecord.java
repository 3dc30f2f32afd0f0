package network.internet2.trustchain.dns;

/**
 * One record of the zone, in presentation form.
 *
 * @param name  the fully qualified owner name, with its trailing dot
 * @param type  the record type mnemonic ({@code AAAA}, {@code SOA}, {@code NS}, …)
 * @param ttl   time to live in seconds
 * @param data  the record data in presentation format
 * @param owner who published it ({@code zone} for the node's own records, else a bundle's symbolic name)
 */
public record DnsRecord(String name, String type, long ttl, String data, String owner) {
}
