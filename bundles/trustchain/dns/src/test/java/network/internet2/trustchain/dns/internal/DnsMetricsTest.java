package network.internet2.trustchain.dns.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.Inet6Address;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The server's meters, fed by real answers from the query handler (and, once, from real sockets). */
public class DnsMetricsTest {

    private final DnsCounters counters = new DnsCounters();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private ZoneBook zone;
    private QueryResponder responder;
    private DnsMetrics metrics;

    @Before
    public void start() {
        zone = new ZoneBook(TestZones.settings(), TestZones.signer(Clock.systemUTC()), Clock.systemUTC());
        responder = new QueryResponder(zone::snapshot, 1232, counters);
        metrics = new DnsMetrics(registry, counters);
    }

    @After
    public void stop() {
        metrics.deactivate();
    }

    @Test
    public void everyAnsweredQueryIsTimedByTypeRcodeAndTransport() throws IOException {
        assertEquals(Rcode.NOERROR, ask("node1.internet2.network.", Type.AAAA, false));
        assertEquals(Rcode.NOERROR, ask("stoq.internet2.network.", Type.AAAA, false));
        assertEquals(Rcode.NOERROR, ask("node1.internet2.network.", Type.AAAA, true));
        assertEquals(Rcode.NXDOMAIN, ask("missing.internet2.network.", Type.AAAA, false));
        assertEquals(Rcode.REFUSED, ask("example.org.", Type.A, false));
        assertEquals(Rcode.NOERROR, ask("internet2.network.", Type.DNSKEY, true));
        assertEquals(Rcode.NOERROR, ask("node1.internet2.network.", Type.HTTPS, false));
        assertEquals("a type outside the known set", Rcode.NOERROR, ask("node1.internet2.network.", Type.LOC, false));

        assertEquals(2, timer("AAAA", "NOERROR", "udp").count());
        assertEquals(1, timer("AAAA", "NOERROR", "tcp").count());
        assertEquals(1, timer("AAAA", "NXDOMAIN", "udp").count());
        assertEquals(1, timer("A", "REFUSED", "udp").count());
        assertEquals(1, timer("DNSKEY", "NOERROR", "tcp").count());
        assertEquals(1, timer("HTTPS", "NOERROR", "udp").count());
        assertEquals(1, timer(DnsMetrics.OTHER, "NOERROR", "udp").count());
        assertTrue(timer("AAAA", "NOERROR", "udp").totalTime(TimeUnit.NANOSECONDS) > 0);
        assertEquals("one count per answer, as the server's own statistics",
                counters.snapshot().queries(), totalCount());
    }

    @Test
    public void malformedQueriesAreTimedAsFormerrAndDroppedPacketsAreCounted() throws IOException {
        byte[] query = Message.newQuery(Record.newRecord(TestZones.ORIGIN, Type.SOA, DClass.IN)).toWire();
        byte[] cut = Arrays.copyOf(query, query.length - 3);
        assertEquals(Rcode.FORMERR, new Message(responder.respond(cut, false)).getRcode());
        Message twoQuestions = Message.newQuery(Record.newRecord(TestZones.ORIGIN, Type.SOA, DClass.IN));
        twoQuestions.addRecord(Record.newRecord(TestZones.ORIGIN, Type.NS, DClass.IN), Section.QUESTION);
        assertEquals(Rcode.FORMERR, new Message(responder.respond(twoQuestions.toWire(), false)).getRcode());
        Message update = Message.newQuery(Record.newRecord(TestZones.ORIGIN, Type.SOA, DClass.IN));
        update.getHeader().setOpcode(Opcode.UPDATE);
        assertEquals(Rcode.NOTIMP, new Message(responder.respond(update.toWire(), true)).getRcode());
        Message newerEdns = Message.newQuery(Record.newRecord(TestZones.ORIGIN, Type.SOA, DClass.IN));
        newerEdns.addRecord(new OPTRecord(1232, 0, 1, 0), Section.ADDITIONAL);
        assertEquals(Rcode.BADVERS, new Message(responder.respond(newerEdns.toWire(), false)).getRcode());
        assertNull(responder.respond(new byte[5], false));
        assertNull(responder.respond(responder.respond(query, false), false));

        assertEquals("no readable question", 1, timer(DnsMetrics.OTHER, "FORMERR", "udp").count());
        assertEquals(1, timer("SOA", "FORMERR", "udp").count());
        assertEquals(1, timer("SOA", "NOTIMP", "tcp").count());
        assertEquals("BADVERS is outside the known codes", 1, timer("SOA", DnsMetrics.OTHER, "udp").count());
        FunctionCounter dropped = registry.find(DnsMetrics.QUERIES_DROPPED).functionCounter();
        assertNotNull(dropped);
        assertEquals(2.0, dropped.count(), 0.0);
        assertEquals(counters.snapshot().dropped(), (long) dropped.count());
    }

    @Test
    public void theTimerHasExactlyTheServiceLevelBuckets() throws IOException {
        ask("node1.internet2.network.", Type.AAAA, false);
        CountAtBucket[] buckets = timer("AAAA", "NOERROR", "udp").takeSnapshot().histogramCounts();
        double[] millis = Arrays.stream(buckets).mapToDouble(bucket -> bucket.bucket(TimeUnit.MILLISECONDS)).toArray();
        assertArrayEquals(new double[] {0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50}, millis, 1e-9);
    }

    @Test
    public void queriesOverRealSocketsAreTaggedWithTheirTransport() throws IOException {
        Inet6Address loopback = TestZones.v6("::1");
        try (DnsListener listener = DnsListener.start(responder, counters,
                new DnsListener.Settings(loopback, 0, 1, 4, 2, 1 << 20))) {
            for (boolean tcp : new boolean[] {false, true}) {
                SimpleResolver resolver = new SimpleResolver(loopback);
                resolver.setPort(listener.port());
                resolver.setTCP(tcp);
                resolver.setTimeout(java.time.Duration.ofSeconds(5));
                Message answer = resolver.send(Message.newQuery(
                        Record.newRecord(TestZones.name("dns.internet2.network."), Type.AAAA, DClass.IN)));
                assertEquals(Rcode.NOERROR, answer.getRcode());
            }
        }
        assertEquals(1, timer("AAAA", "NOERROR", "udp").count());
        assertEquals(1, timer("AAAA", "NOERROR", "tcp").count());
    }

    @Test
    public void deactivateRemovesEveryMeterAndStopsObserving() throws IOException {
        ask("node1.internet2.network.", Type.AAAA, false);
        ask("node1.internet2.network.", Type.AAAA, true);
        responder.respond(new byte[5], false);
        assertEquals(2, registry.find(DnsMetrics.QUERY_DURATION).timers().size());
        assertNotNull(registry.find(DnsMetrics.QUERIES_DROPPED).functionCounter());

        metrics.deactivate();

        assertTrue(registry.getMeters().toString(), registry.getMeters().isEmpty());
        ask("missing.internet2.network.", Type.AAAA, false);
        assertTrue("nothing registers after deactivation", registry.getMeters().isEmpty());
        assertEquals("the server itself still counts", 3, counters.snapshot().queries());
    }

    private int ask(String name, int type, boolean tcp) throws IOException {
        Message query = Message.newQuery(Record.newRecord(TestZones.name(name), type, DClass.IN));
        return new Message(responder.respond(query.toWire(), tcp)).getRcode();
    }

    private Timer timer(String type, String rcode, String transport) {
        Timer timer = registry.find(DnsMetrics.QUERY_DURATION)
                .tags("type", type, "rcode", rcode, "transport", transport).timer();
        assertNotNull("timer " + type + "/" + rcode + "/" + transport + " in " + registry.getMetersAsString(), timer);
        return timer;
    }

    private long totalCount() {
        return registry.find(DnsMetrics.QUERY_DURATION).timers().stream().mapToLong(Timer::count).sum();
    }
}
