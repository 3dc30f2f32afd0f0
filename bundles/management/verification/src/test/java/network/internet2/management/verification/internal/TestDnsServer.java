package network.internet2.management.verification.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.RRset;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.Zone;

/**
 * An authoritative DNS server for the tests: a dnsjava {@link Zone} answered over UDP on [::1] by one thread,
 * until closed.
 */
final class TestDnsServer implements AutoCloseable {

    private final Zone zone;
    private final DatagramSocket socket;
    private final Thread thread;

    /** Serves {@code origin} with SOA, NS, and an AAAA record of [::1] for each of {@code hosts}. */
    TestDnsServer(Name origin, List<String> hosts) throws IOException {
        Name dns = Name.fromString("dns", origin);
        Inet6Address loopback = loopback();
        Record[] records = new Record[2 + hosts.size() + 1];
        records[0] = new SOARecord(origin, DClass.IN, 300, dns, Name.fromString("hostmaster", origin), 1, 3600, 600,
                86400, 300);
        records[1] = new NSRecord(origin, DClass.IN, 300, dns);
        records[2] = new AAAARecord(dns, DClass.IN, 300, loopback);
        for (int i = 0; i < hosts.size(); i++) {
            records[3 + i] = new AAAARecord(Name.fromString(hosts.get(i), origin), DClass.IN, 300, loopback);
        }
        this.zone = new Zone(origin, records);
        this.socket = new DatagramSocket(new InetSocketAddress(loopback, 0));
        this.thread = new Thread(this::serve, "test-dns-server");
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                byte[] answer = answer(new Message(java.util.Arrays.copyOf(buffer, packet.getLength())));
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (SocketException closed) {
                return;
            } catch (IOException malformed) {
                // ignore a datagram that is not a query
            }
        }
    }

    private byte[] answer(Message query) {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        Record question = query.getQuestion();
        response.addRecord(question, Section.QUESTION);
        if (!question.getName().subdomain(zone.getOrigin())) {
            response.getHeader().setRcode(Rcode.REFUSED);
            return response.toWire();
        }
        SetResponse found = zone.findRecords(question.getName(), question.getType());
        if (found.isNXDOMAIN()) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
        } else if (found.isSuccessful()) {
            for (RRset set : found.answers()) {
                for (Record record : set.rrs()) {
                    response.addRecord(record, Section.ANSWER);
                }
            }
        }
        return response.toWire();
    }

    static Inet6Address loopback() throws IOException {
        byte[] address = new byte[16];
        address[15] = 1;
        return (Inet6Address) InetAddress.getByAddress(address);
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(5_000);
    }
}
