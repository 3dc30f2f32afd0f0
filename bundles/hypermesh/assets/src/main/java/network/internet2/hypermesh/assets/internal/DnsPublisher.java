package network.internet2.hypermesh.assets.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.trustchain.dns.DnsRegistration;
import network.internet2.trustchain.dns.ZoneRegistry;

/**
 * Publishes every active allocation in the node's DNS zone as
 * {@code <allocation id>.<node>} AAAA {@code <proxy address>} while a
 * {@link ZoneRegistry} is present, and withdraws the record when the
 * allocation ends. The zone's work (signing) happens on the publisher's own
 * thread, never under the registry's lock.
 */
final class DnsPublisher implements AllocationEvents, AutoCloseable {

    static final Duration TTL = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(DnsPublisher.class);

    private final ZoneRegistry zone;
    private final String node;
    private final ExecutorService worker;
    /** Touched only by the worker thread. */
    private final Map<String, DnsRegistration> published = new HashMap<>();

    DnsPublisher(ZoneRegistry zone, String node) {
        this.zone = zone;
        this.node = node;
        this.worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "internet2-asset-dns");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @return the name of an allocation relative to the zone */
    static String name(String allocationId, String node) {
        return allocationId + "." + node;
    }

    @Override
    public void started(Allocation allocation) {
        if (allocation.proxyAddress() == null) {
            return;
        }
        worker.execute(() -> {
            if (published.containsKey(allocation.id())) {
                return;
            }
            try {
                published.put(allocation.id(),
                        zone.register(name(allocation.id(), node), allocation.proxyAddress(), TTL));
            } catch (RuntimeException e) {
                LOG.warn("Allocation {} could not be published in DNS ({}); it stays reachable by its proxy "
                        + "address {}", allocation.id(), e.getMessage(), allocation.proxyAddress().getHostAddress());
            }
        });
    }

    @Override
    public void ended(Allocation allocation) {
        worker.execute(() -> withdraw(published.remove(allocation.id())));
    }

    /** Waits (bounded) until every event so far is applied to the zone; for tests and orderly shutdown. */
    void flush(Duration timeout) throws Exception {
        worker.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        worker.execute(() -> {
            published.values().forEach(DnsPublisher::withdraw);
            published.clear();
        });
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Withdrawing the allocations' DNS records took more than 5 s; the zone drops them "
                        + "when this bundle releases it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void withdraw(DnsRegistration registration) {
        if (registration != null) {
            try {
                registration.close();
            } catch (RuntimeException e) {
                LOG.debug("Withdrawing a DNS record failed: {}", e.toString());
            }
        }
    }
}
