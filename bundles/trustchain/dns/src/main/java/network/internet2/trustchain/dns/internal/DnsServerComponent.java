package network.internet2.trustchain.dns.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;

import io.netty.util.NetUtil;

import network.internet2.trustchain.dns.DnsAdministration;
import network.internet2.trustchain.dns.DnsRecord;
import network.internet2.trustchain.dns.DnsStatistics;
import network.internet2.trustchain.dns.NameResolutionException;
import network.internet2.trustchain.dns.NameService;

/**
 * The embedded DNS server as an OSGi component: builds the zone from its
 * configuration (and the node's name from the node configuration shared with
 * the CA), opens the listener, and offers the zone to the rest of the stack.
 */
@Component(service = {DnsAdministration.class, NameService.class, ZonePublisher.class},
        configurationPid = {DnsServerComponent.PID, DnsServerComponent.NODE_PID}, immediate = true)
public class DnsServerComponent implements DnsAdministration, NameService, ZonePublisher {

    static final String PID = "network.internet2.trustchain.dns.server";
    static final String NODE_PID = "network.internet2.trustchain.node";
    static final String OPERATOR = "operator";

    /**
     * The server's settings (PID {@value #PID}); {@code node.name} and
     * {@code service.names} come from the node's configuration ({@value #NODE_PID},
     * shared with the CA's node certificate), which wins over this PID.
     *
     * <p>Designated through {@code pid = PID} here rather than a {@code @Designate} on the
     * component: {@code @Designate} needs a component with exactly one configuration PID (bnd
     * refuses it on this one, which has two), while this attribute binds the form to
     * {@value #PID} alone and leaves {@value #NODE_PID} to the CA's node-certificate form.
     */
    @ObjectClassDefinition(pid = PID, name = "Internet 2.0 TrustChain DNS server",
            description = "The embedded authoritative DNS server: UDP and TCP over IPv6 only, DNSSEC-signed zone.")
    @interface Config {
        @AttributeDefinition(description = "IPv6 address to listen on (::1 for this host only, :: for every "
                + "interface); IPv4 addresses are refused")
        String bind_address() default "::1";

        @AttributeDefinition(description = "UDP and TCP port (53 needs CAP_NET_BIND_SERVICE or root)",
                min = "0", max = "65535")
        int port() default 8053;

        @AttributeDefinition(description = "The zone this node is authoritative for")
        String zone() default "internet2.network";

        @AttributeDefinition(description = "The node's label in the zone (shared with the CA's node "
                + "certificate, PID network.internet2.trustchain.node)")
        String node_name() default "node1";

        @AttributeDefinition(description = "Service names of the node, each an AAAA record pointing at the node")
        String[] service_names() default {"stoq", "ca", "ct", "dns", "api"};

        @AttributeDefinition(description = "The node's IPv6 address in the zone; empty: the bind address, or, "
                + "when binding ::, the first global or unique-local address of the host (::1 if none)")
        String node_address() default "";

        @AttributeDefinition(description = "TTL of the node's records, in seconds", min = "0", max = "604800")
        long ttl() default 300;

        @AttributeDefinition(description = "How long resolvers may cache NXDOMAIN/NODATA (SOA minimum), in seconds",
                min = "0", max = "604800")
        long negative_ttl() default 300;

        @AttributeDefinition(description = "Sign the zone (DNSSEC, ECDSA P-256 algorithm 13, NSEC)")
        boolean dnssec_enabled() default true;

        @AttributeDefinition(description = "Validity of each RRSIG, in days; signatures are renewed at half of it",
                min = "1", max = "90")
        int signature_validity_days() default 14;

        @AttributeDefinition(description = "Largest UDP answer sent, whatever the client's EDNS buffer "
                + "(1232 avoids fragmentation, DNS flag day 2020)", min = "512", max = "65535")
        int udp_payload_max() default 1232;

        @AttributeDefinition(description = "Event loops serving queries; 0 means one per processor",
                min = "0", max = "64")
        int threads() default 0;

        @AttributeDefinition(description = "Most TCP connections open at once; more are closed at once",
                min = "1")
        int tcp_max_connections() default 256;

        @AttributeDefinition(description = "Seconds a TCP connection may stay idle before it is closed", min = "1")
        int tcp_idle_seconds() default 10;

        @AttributeDefinition(description = "Socket send and receive buffer size, in bytes", min = "65536")
        int socket_buffer_bytes() default 4 * 1024 * 1024;

        @AttributeDefinition(description = "Where the zone key and operator records live; empty means "
                + "${karaf.data}/internet2/dns")
        String storage_directory() default "";
    }

    private static final Logger LOG = LoggerFactory.getLogger(DnsServerComponent.class);

    private final ZoneBook zone;
    private final ZoneSigner signer;
    private final ZoneNameService names;
    private final DnsCounters counters = new DnsCounters();
    private final DnsFiles files;
    private final DnsListener listener;
    private final ScheduledExecutorService resigning;

    @Activate
    public DnsServerComponent(BundleContext context, Config config) throws IOException {
        Inet6Address bind = ipv6(config.bind_address(), "bind.address");
        if (config.port() < 0 || config.port() > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + config.port());
        }
        Name origin = ZoneNames.zone(config.zone());
        List<String> services = new ArrayList<>();
        for (String service : config.service_names()) {
            services.add(ZoneNames.label(service, "service.names entry"));
        }
        ZoneSettings settings = new ZoneSettings(origin, ZoneNames.label(config.node_name(), "node.name"),
                nodeAddress(config.node_address(), bind), services, config.ttl(), config.negative_ttl());
        String data = context.getProperty("karaf.data");
        this.files = new DnsFiles(config.storage_directory().isBlank()
                ? Path.of(data == null ? "data" : data, "internet2", "dns") : Path.of(config.storage_directory()));
        Clock clock = Clock.systemUTC();
        this.signer = config.dnssec_enabled()
                ? new ZoneSigner(origin, files.zoneKey(), config.ttl(),
                        Duration.ofDays(config.signature_validity_days()), clock)
                : null;
        this.zone = new ZoneBook(settings, signer, clock);
        for (DnsFiles.OperatorRecord record : files.operatorRecords(origin)) {
            zone.publish(record.name(), record.address(), record.ttl(), OPERATOR);
        }
        this.names = new ZoneNameService(zone, clock);
        int threads = config.threads() == 0 ? Runtime.getRuntime().availableProcessors() : config.threads();
        QueryResponder responder = new QueryResponder(zone::snapshot, config.udp_payload_max(), counters);
        this.listener = DnsListener.start(responder, counters, new DnsListener.Settings(bind, config.port(),
                threads, config.tcp_max_connections(), config.tcp_idle_seconds(), config.socket_buffer_bytes()));
        this.resigning = signer == null ? null : Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "internet2-dns-resign");
            thread.setDaemon(true);
            return thread;
        });
        if (resigning != null) {
            resigning.scheduleWithFixedDelay(this::resignIfDue, 1, 1, TimeUnit.HOURS);
        }
        LOG.info("DNS zone {} served on [{}]:{} for node {} at {}{}", origin, NetUtil.toAddressString(bind),
                listener.port(), settings.nodeName(), NetUtil.toAddressString(settings.nodeAddress()),
                signer == null ? " (unsigned)" : ", DNSSEC key tag " + signer.dnskey().getFootprint());
    }

    @Deactivate
    void stop() {
        if (resigning != null) {
            resigning.shutdownNow();
        }
        listener.close();
    }

    /** @return what the server counts, for {@link DnsMetrics} to read and observe */
    DnsCounters counters() {
        return counters;
    }

    /** @return the port the server listens on (the configured one, or the one chosen for port 0) */
    int port() {
        return listener.port();
    }

    private void resignIfDue() {
        try {
            if (signer.refreshDue().isBefore(Clock.systemUTC().instant().plus(Duration.ofHours(2)))) {
                zone.refreshSignatures();
                LOG.info("DNS zone {} re-signed (serial {})", zone.settings().origin(), zone.snapshot().serial());
            }
        } catch (RuntimeException e) {
            LOG.warn("DNS zone re-signing failed ({}); retried in an hour", e.getMessage(), e);
        }
    }

    // --- NameService

    @Override
    public List<Inet6Address> resolve(String name) throws NameResolutionException {
        return names.resolve(name);
    }

    @Override
    public String zone() {
        return names.zone();
    }

    // --- ZonePublisher (for BundleZoneRegistry)

    @Override
    public Name origin() {
        return zone.settings().origin();
    }

    @Override
    public Published publish(String name, Inet6Address address, Duration ttl, String owner) {
        ZoneBook.Entry entry = zone.publish(ZoneNames.inZone(name, origin()), requireAddress(address),
                seconds(ttl), owner);
        return new Published(entry.id(), describe(entry));
    }

    @Override
    public void withdraw(long id) {
        zone.withdraw(id);
    }

    // --- DnsAdministration

    @Override
    public synchronized DnsRecord add(String name, Inet6Address address, Duration ttl) {
        ZoneBook.Entry entry = zone.publish(ZoneNames.inZone(name, origin()), requireAddress(address),
                seconds(ttl), OPERATOR);
        try {
            saveOperatorRecords();
        } catch (IOException e) {
            zone.withdraw(entry.id());
            throw new IllegalStateException("cannot save the operator's records (" + e.getMessage()
                    + "); the record was not added", e);
        }
        return describe(entry);
    }

    @Override
    public synchronized List<DnsRecord> remove(String name) {
        List<ZoneBook.Entry> removed = zone.withdraw(ZoneNames.inZone(name, origin()), OPERATOR);
        if (!removed.isEmpty()) {
            try {
                saveOperatorRecords();
            } catch (IOException e) {
                removed.forEach(entry -> zone.publish(entry.name(), entry.address(), entry.ttl(), OPERATOR));
                throw new IllegalStateException("cannot save the operator's records (" + e.getMessage()
                        + "); nothing was removed", e);
            }
        }
        return removed.stream().map(DnsServerComponent::describe).toList();
    }

    @Override
    public List<DnsRecord> records() {
        return zone.records();
    }

    @Override
    public List<String> delegationSigner() {
        return signer == null ? List.of() : List.of(signer.delegationSigner(zone.settings().ttl()).toString());
    }

    @Override
    public DnsStatistics statistics() {
        return counters.snapshot();
    }

    private void saveOperatorRecords() throws IOException {
        files.saveOperatorRecords(zone.entries().stream()
                .filter(entry -> entry.owner().equals(OPERATOR))
                .map(entry -> new DnsFiles.OperatorRecord(entry.name(), entry.ttl(), entry.address()))
                .toList());
    }

    private static DnsRecord describe(ZoneBook.Entry entry) {
        return new DnsRecord(entry.name().toString(), "AAAA", entry.ttl(),
                NetUtil.toAddressString(entry.address()), entry.owner());
    }

    private static Inet6Address requireAddress(Inet6Address address) {
        if (address == null) {
            throw new IllegalArgumentException("an IPv6 address is required");
        }
        return ZoneBook.checkAddress(address);
    }

    private static long seconds(Duration ttl) {
        if (ttl == null) {
            throw new IllegalArgumentException("a TTL is required");
        }
        return ZoneSettings.checkTtl(ttl.getSeconds(), "ttl");
    }

    /** Parses an IPv6 literal without ever consulting a resolver. */
    static Inet6Address ipv6(String text, String what) {
        String literal = text == null ? "" : text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (!literal.contains(":")) {
            throw new IllegalArgumentException(what + " must be an IPv6 address, got '" + text + "'");
        }
        InetAddress address;
        try {
            // brackets make the JDK parse an IPv6 literal or fail; without them a text such as "zz::1"
            // would be handed to the system resolver
            address = InetAddress.getByName("[" + literal + "]");
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not an IPv6 address", e);
        }
        if (address instanceof Inet4Address) {
            throw new IllegalArgumentException(what + " '" + text + "' is an IPv4-mapped address; "
                    + "the DNS server is IPv6 only");
        }
        return (Inet6Address) address;
    }

    private static Inet6Address nodeAddress(String configured, Inet6Address bind) {
        if (configured != null && !configured.isBlank()) {
            return ZoneBook.checkAddress(ipv6(configured, "node.address"));
        }
        if (!bind.isAnyLocalAddress()) {
            return bind;
        }
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet6Address v6 && !v6.isLinkLocalAddress() && !v6.isLoopbackAddress()) {
                        return (Inet6Address) InetAddress.getByAddress(v6.getAddress());
                    }
                }
            }
        } catch (SocketException | UnknownHostException e) {
            LOG.warn("cannot list network interfaces ({}); the node's records point at ::1", e.getMessage());
        }
        return ipv6("::1", "node.address");
    }

    @Override
    public String toString() {
        return "DNS server for " + origin() + " on port " + listener.port();
    }
}
