package network.internet2.trustchain.dns.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.dnssec.ValidatingResolver;

/** The server on a real socket on {@code ::1}, asked by dnsjava's resolvers and by raw sockets. */
public class DnsListenerTest {

    private static final Inet6Address LOOPBACK = TestZones.v6("::1");

    private final DnsCounters counters = new DnsCounters();
    private ZoneBook zone;
    private ZoneSigner signer;
    private DnsListener listener;

    @Before
    public void start() {
        signer = TestZones.signer(Clock.systemUTC());
        zone = new ZoneBook(TestZones.settings(), signer, Clock.systemUTC());
        listener = DnsListener.start(new QueryResponder(zone::snapshot, 1232, counters), counters,
                new DnsListener.Settings(LOOPBACK, 0, 2, 4, 2, 1 << 20));
    }

    @After
    public void stop() {
        listener.close();
    }

    @Test
    public void answersOverUdpAndTcp() throws IOException {
        for (boolean tcp : new boolean[] {false, true}) {
            SimpleResolver resolver = resolver();
            resolver.setTCP(tcp);
            Message answer = resolver.send(query("node1.internet2.network.", Type.AAAA));
            assertEquals(Rcode.NOERROR, answer.getRcode());
            assertEquals(TestZones.NODE.getHostAddress(),
                    answer.getSection(Section.ANSWER).get(0).rdataToString());
        }
        assertEquals(1, counters.snapshot().tcpQueries());
    }

    @Test
    public void aTruncatedUdpAnswerIsRetriedOverTcpByTheClient() throws IOException {
        for (int i = 1; i <= 60; i++) {
            zone.publish(TestZones.name("many.internet2.network."), TestZones.v6("fd00::" + Integer.toHexString(i)),
                    60, "test");
        }
        Message answer = resolver().send(query("many.internet2.network.", Type.AAAA));
        assertFalse(answer.getHeader().getFlag(Flags.TC));
        assertEquals(60, answer.getSection(Section.ANSWER).size());
        assertEquals(1, counters.snapshot().truncated());
        assertEquals(1, counters.snapshot().tcpQueries());
    }

    @Test
    public void aValidatingResolverTrustingOurDsFindsTheAnswersSecure() throws Exception {
        ValidatingResolver validating = new ValidatingResolver(resolver());
        String anchor = signer.delegationSigner(300).toString() + "\n";
        validating.loadTrustAnchors(new ByteArrayInputStream(anchor.getBytes(StandardCharsets.US_ASCII)));
        for (String name : new String[] {"stoq.internet2.network.", "missing.internet2.network."}) {
            Message query = query(name, Type.AAAA);
            query.addRecord(new OPTRecord(1232, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
            Message answer = validating.send(query);
            assertTrue(name + " validated: " + answer, answer.getHeader().getFlag(Flags.AD));
        }
        Message nodata = query("node1.internet2.network.", Type.A);
        assertTrue("signed NODATA validates", validating.send(nodata).getHeader().getFlag(Flags.AD));
    }

    @Test
    public void ipv4PeersCannotReachTheServer() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", listener.port()), 1000);
            fail("an IPv4 TCP connection was accepted");
        } catch (IOException expected) {
            // refused: the server has no IPv4 socket
        }
        try (DatagramSocket udp = new DatagramSocket()) {
            udp.setSoTimeout(500);
            byte[] wire = query("node1.internet2.network.", Type.AAAA).toWire();
            udp.send(new DatagramPacket(wire, wire.length, new InetSocketAddress("127.0.0.1", listener.port())));
            udp.receive(new DatagramPacket(new byte[512], 512));
            fail("an IPv4 datagram was answered");
        } catch (SocketTimeoutException | java.net.PortUnreachableException expected) {
            // nothing listens on IPv4
        }
    }

    @Test
    public void garbageOverTcpGetsFormerrAndTheConnectionStaysUsable() throws IOException {
        try (Socket socket = new Socket(LOOPBACK, listener.port())) {
            socket.setSoTimeout(2000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] garbage = new byte[40];
            garbage[0] = 0x12;
            garbage[1] = 0x34;
            garbage[5] = 1;
            java.util.Arrays.fill(garbage, 12, 40, (byte) 0x3f);
            out.writeShort(garbage.length);
            out.write(garbage);
            byte[] answer = new byte[in.readUnsignedShort()];
            in.readFully(answer);
            Message formerr = new Message(answer);
            assertEquals(Rcode.FORMERR, formerr.getRcode());
            assertEquals(0x1234, formerr.getHeader().getID());
            byte[] good = query("dns.internet2.network.", Type.AAAA).toWire();
            out.writeShort(good.length);
            out.write(good);
            answer = new byte[in.readUnsignedShort()];
            in.readFully(answer);
            assertEquals(Rcode.NOERROR, new Message(answer).getRcode());
        }
    }

    @Test
    public void closingReleasesThePort() throws IOException {
        int port = listener.port();
        listener.close();
        listener = DnsListener.start(new QueryResponder(zone::snapshot, 1232, counters), counters,
                new DnsListener.Settings(LOOPBACK, port, 1, 4, 2, 1 << 20));
        assertEquals(port, listener.port());
        assertEquals(Rcode.NOERROR, resolver().send(query("ca.internet2.network.", Type.AAAA)).getRcode());
    }

    @Test
    public void aPortTakenByAnotherServerIsAClearErrorAndLeavesNothingOpen() throws IOException {
        try {
            DnsListener.start(new QueryResponder(zone::snapshot, 1232, counters), counters,
                    new DnsListener.Settings(LOOPBACK, listener.port(), 1, 4, 2, 1 << 20)).close();
            fail("a second server bound the port of the first");
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("DNS cannot listen on tcp [::1]:"));
        }
        for (int i = 0; i < 20; i++) {
            assertEquals("every query still reaches the first server", Rcode.NOERROR,
                    resolver().send(query("ca.internet2.network.", Type.AAAA)).getRcode());
        }
    }

    private SimpleResolver resolver() {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(LOOPBACK, listener.port()));
        resolver.setTimeout(Duration.ofSeconds(2));
        return resolver;
    }

    private static Message query(String name, int type) {
        return Message.newQuery(Record.newRecord(TestZones.name(name), type, DClass.IN));
    }
}
