package network.internet2.trustchain.dns.internal;

import java.net.Inet6Address;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

import network.internet2.trustchain.dns.DnsRecord;
import network.internet2.trustchain.dns.DnsRegistration;
import network.internet2.trustchain.dns.ZoneRegistry;

/**
 * The {@link ZoneRegistry} one bundle sees. Each bundle gets its own instance;
 * when the bundle releases it (it stops, or is uninstalled) every record it
 * registered is withdrawn.
 */
@Component(scope = ServiceScope.BUNDLE)
public class BundleZoneRegistry implements ZoneRegistry {

    private final ZonePublisher zone;
    private final String owner;
    private final Map<Long, Registration> registrations = new ConcurrentHashMap<>();

    @Activate
    public BundleZoneRegistry(ComponentContext context, @Reference ZonePublisher zone) {
        this.zone = zone;
        Bundle user = context.getUsingBundle();
        this.owner = user == null || user.getSymbolicName() == null ? "unknown-bundle" : user.getSymbolicName();
    }

    @Override
    public DnsRegistration register(String name, Inet6Address address, Duration ttl) {
        ZonePublisher.Published published = zone.publish(name, address, ttl, owner);
        Registration registration = new Registration(published);
        registrations.put(published.id(), registration);
        return registration;
    }

    @Override
    public List<DnsRecord> records() {
        return zone.records();
    }

    @Deactivate
    void withdrawAll() {
        registrations.values().forEach(Registration::close);
    }

    private final class Registration implements DnsRegistration {

        private final ZonePublisher.Published published;

        Registration(ZonePublisher.Published published) {
            this.published = published;
        }

        @Override
        public DnsRecord record() {
            return published.record();
        }

        @Override
        public void close() {
            if (registrations.remove(published.id()) != null) {
                zone.withdraw(published.id());
            }
        }
    }
}
