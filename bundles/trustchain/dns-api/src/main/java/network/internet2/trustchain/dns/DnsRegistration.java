package network.internet2.trustchain.dns;

import org.osgi.annotation.versioning.ProviderType;

/** A record published through {@link ZoneRegistry}; closing it unpublishes it. */
@ProviderType
public interface DnsRegistration extends AutoCloseable {

    /** @return the record as published */
    DnsRecord record();

    /** Removes the record from the zone; closing twice has no further effect. */
    @Override
    void close();
}
