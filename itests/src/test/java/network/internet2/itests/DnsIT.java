package network.internet2.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

import network.internet2.trustchain.dns.DnsRegistration;
import network.internet2.trustchain.dns.NameResolutionException;
import network.internet2.trustchain.dns.NameService;
import network.internet2.trustchain.dns.ZoneRegistry;

/**
 * The embedded DNS server in the running distribution, asked over the wire on
 * {@code [::1]}: the node's records, a record registered through the
 * {@link ZoneRegistry} coming and going (also when the registering bundle lets
 * go of the service), the shell commands, the figures in {@code /health}, and
 * the feature uninstalled and installed again live.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DnsIT extends Internet2TestSupport {

    private static final String ZONE = "internet2.network.";

    @Before
    public void waitForTheServer() throws Exception {
        waitUntil("the DNS server answers for its zone", Duration.ofSeconds(60),
                () -> ask("internet2.network.", Type.SOA).getRcode() == Rcode.NOERROR);
    }

    @Test
    public void answersTheNodeAaaaAndNeverAnIpv4Address() throws Exception {
        Message aaaa = ask("node1." + ZONE, Type.AAAA);
        assertEquals(Rcode.NOERROR, aaaa.getRcode());
        assertEquals(loopback(), InetAddress.getByAddress(
                ((org.xbill.DNS.AAAARecord) aaaa.getSection(Section.ANSWER).get(0)).getAddress().getAddress()));
        Message a = ask("node1." + ZONE, Type.A);
        assertEquals(Rcode.NOERROR, a.getRcode());
        assertTrue("no A record", a.getSection(Section.ANSWER).isEmpty());
        assertEquals(Rcode.REFUSED, ask("example.com.", Type.AAAA).getRcode());
        assertEquals(Rcode.NXDOMAIN, ask("nobody." + ZONE, Type.AAAA).getRcode());
    }

    @Test
    public void answersAreSignedWhenTheDoBitIsSet() throws Exception {
        Message query = Message.newQuery(Record.newRecord(Name.fromString("stoq." + ZONE), Type.AAAA, DClass.IN));
        query.addRecord(new OPTRecord(1232, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
        Message answer = resolver(false).send(query);
        assertTrue(answer.toString(), answer.getSection(Section.ANSWER).stream()
                .anyMatch(record -> record.getType() == Type.RRSIG));
    }

    @Test
    public void aRegisteredRecordComesAndGoes() throws Exception {
        ServiceReference<ZoneRegistry> reference = bundleContext.getServiceReference(ZoneRegistry.class);
        ZoneRegistry registry = bundleContext.getService(reference);
        Inet6Address address = (Inet6Address) InetAddress.getByName("fd00:42::1");
        DnsRegistration registration = registry.register("itest-peer", address, Duration.ofSeconds(60));
        assertEquals("itest-peer." + ZONE, registration.record().name());
        assertEquals(bundleContext.getBundle().getSymbolicName(), registration.record().owner());

        Message present = ask("itest-peer." + ZONE, Type.AAAA);
        assertEquals(Rcode.NOERROR, present.getRcode());
        assertEquals(address, InetAddress.getByAddress(((org.xbill.DNS.AAAARecord) present
                .getSection(Section.ANSWER).get(0)).getAddress().getAddress()));
        assertEquals(List.of(address), nameService().resolve("itest-peer.internet2.network"));

        registration.close();
        assertEquals(Rcode.NXDOMAIN, ask("itest-peer." + ZONE, Type.AAAA).getRcode());
        expectUnresolvable("itest-peer.internet2.network");

        // a bundle that lets go of its registry (it stops, or is uninstalled) takes its records with it
        registry.register("itest-gone", address, Duration.ofSeconds(60));
        assertEquals(Rcode.NOERROR, ask("itest-gone." + ZONE, Type.AAAA).getRcode());
        bundleContext.ungetService(reference);
        waitUntil("the released registry's records are withdrawn", Duration.ofSeconds(10),
                () -> ask("itest-gone." + ZONE, Type.AAAA).getRcode() == Rcode.NXDOMAIN);
    }

    @Test
    public void theNameServiceResolvesOnlyTheZone() throws Exception {
        assertEquals(List.of(loopback()), nameService().resolve("stoq.internet2.network"));
        assertEquals(ZONE, nameService().zone());
        expectUnresolvable("localhost");
    }

    @Test
    public void shellCommandsAddListResolveAndRemove() throws Exception {
        String added = executeCommand("dns:add --ttl 120 www fd00:80::1");
        assertTrue(added, added.contains("www." + ZONE));
        assertEquals(Rcode.NOERROR, ask("www." + ZONE, Type.AAAA).getRcode());
        assertEquals(120, ask("www." + ZONE, Type.AAAA).getSection(Section.ANSWER).get(0).getTTL());
        String records = executeCommand("dns:records --type AAAA");
        assertTrue(records, records.contains("www." + ZONE) && records.contains("operator"));
        String resolved = executeCommand("dns:resolve www.internet2.network");
        assertTrue(resolved, resolved.contains("fd00:80"));
        String ds = executeCommand("dns:ds");
        assertTrue(ds, ds.contains("DS") && ds.contains(" 13 2 "));
        try {
            String accepted = executeCommand("dns:add ipv4 192.0.2.1");
            fail("an IPv4 address was accepted: " + accepted);
        } catch (Exception expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("IPv4"));
        }
        assertEquals("an IPv4 address is refused", Rcode.NXDOMAIN, ask("ipv4." + ZONE, Type.AAAA).getRcode());
        String removed = executeCommand("dns:remove www");
        assertTrue(removed, removed.contains("www." + ZONE));
        assertEquals(Rcode.NXDOMAIN, ask("www." + ZONE, Type.AAAA).getRcode());
    }

    @Test
    public void healthShowsTheDnsFigures() throws Exception {
        ask("node1." + ZONE, Type.AAAA);
        String health = httpGet("/health").body();
        assertTrue(health, health.contains("\"dns\"") && health.contains("\"queries\"")
                && health.contains("\"NOERROR\""));
    }

    @Test
    public void stoppingTheBundleClosesTheSocketsAndStartingItReopensThem() throws Exception {
        Bundle dns = java.util.Arrays.stream(bundleContext.getBundles())
                .filter(bundle -> "network.internet2.trustchain.dns".equals(bundle.getSymbolicName()))
                .findFirst().orElseThrow();
        dns.stop();
        try {
            try {
                ask("node1." + ZONE, Type.AAAA);
                fail("a stopped server answered");
            } catch (IOException expected) {
                // nothing listens any more
            }
            assertEquals("the name service left with the server", null,
                    bundleContext.getServiceReference(NameService.class));
        } finally {
            dns.start();
        }
        waitUntil("the server answers again", Duration.ofSeconds(60),
                () -> ask("node1." + ZONE, Type.AAAA).getRcode() == Rcode.NOERROR);
    }

    private NameService nameService() throws Exception {
        waitUntil("the name service is registered", Duration.ofSeconds(30),
                () -> bundleContext.getServiceReference(NameService.class) != null);
        return bundleContext.getService(bundleContext.getServiceReference(NameService.class));
    }

    private void expectUnresolvable(String name) throws Exception {
        try {
            nameService().resolve(name);
            fail(name + " resolved");
        } catch (NameResolutionException expected) {
            // the reason is in the message
        }
    }

    private static Message ask(String name, int type) throws IOException {
        return resolver(false).send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
    }

    private static SimpleResolver resolver(boolean tcp) throws IOException {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(loopback(), dnsPort()));
        resolver.setTimeout(Duration.ofSeconds(2));
        resolver.setTCP(tcp);
        return resolver;
    }
}
