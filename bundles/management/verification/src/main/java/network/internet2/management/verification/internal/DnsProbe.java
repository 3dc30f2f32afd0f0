package network.internet2.management.verification.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Asks a DNS server over the wire: a query built with dnsjava, sent over UDP from a socket of its own (again over
 * TCP when the answer comes back truncated), the answer parsed with dnsjava. No resolver is involved, the system's
 * least of all; each query is bounded by the timeout.
 */
final class DnsProbe {

    private final Duration timeout;

    DnsProbe(Duration timeout) {
        this.timeout = timeout;
    }

    /** Asks the target for its apex's SOA and NS, and the AAAA of the node's name and its service names. */
    List<DnsAnswer> probe(DnsTarget target) {
        List<DnsAnswer> answers = new ArrayList<>();
        answers.add(ask(target.server(), target.zone(), Type.SOA));
        answers.add(ask(target.server(), target.zone(), Type.NS));
        answers.add(ask(target.server(), target.node(), Type.AAAA));
        for (Name service : target.services()) {
            answers.add(ask(target.server(), service, Type.AAAA));
        }
        return answers;
    }

    DnsAnswer ask(InetSocketAddress server, Name name, int type) {
        Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        byte[] wire = query.toWire();
        long start = System.nanoTime();
        String transport = "udp";
        try {
            Message answer = overUdp(server, query.getHeader().getID(), wire);
            if (answer.getHeader().getFlag(Flags.TC)) {
                transport = "tcp";
                answer = overTcp(server, query.getHeader().getID(), wire);
            }
            List<String> records = new ArrayList<>();
            for (Record record : answer.getSection(Section.ANSWER)) {
                if (record.getType() == type) {
                    records.add(record.toString());
                }
            }
            return new DnsAnswer(name.toString(), Type.string(type), transport, Rcode.string(answer.getRcode()),
                    answer.getHeader().getFlag(Flags.AA), records, System.nanoTime() - start, null);
        } catch (SocketTimeoutException e) {
            return failed(name, type, transport, start, "no answer from " + describe(server) + " within "
                    + timeout.toMillis() + " ms over " + transport.toUpperCase());
        } catch (PortUnreachableException e) {
            return failed(name, type, transport, start, "nothing listens on " + describe(server)
                    + " (port unreachable): is the DNS server running there?");
        } catch (IOException e) {
            return failed(name, type, transport, start, "asking " + describe(server) + " over "
                    + transport.toUpperCase() + " failed: " + e.getMessage());
        }
    }

    private Message overUdp(InetSocketAddress server, int id, byte[] wire) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(server);
            socket.send(new DatagramPacket(wire, wire.length));
            long deadline = System.nanoTime() + timeout.toNanos();
            byte[] buffer = new byte[65535];
            for (;;) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new SocketTimeoutException();
                }
                socket.setSoTimeout((int) left);
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message answer = parse(buffer, packet.getLength());
                if (answer != null && answer.getHeader().getID() == id) {
                    return answer;
                }
                // not the answer to this query (or not DNS): keep waiting for it
            }
        }
    }

    private Message overTcp(InetSocketAddress server, int id, byte[] wire) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeShort(wire.length);
            out.write(wire);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] buffer = new byte[in.readUnsignedShort()];
            in.readFully(buffer);
            Message answer = parse(buffer, buffer.length);
            if (answer == null || answer.getHeader().getID() != id) {
                throw new IOException("the TCP answer is not a DNS answer to the query");
            }
            return answer;
        }
    }

    private static Message parse(byte[] buffer, int length) {
        try {
            return new Message(java.util.Arrays.copyOf(buffer, length));
        } catch (IOException malformed) {
            return null;
        }
    }

    private static DnsAnswer failed(Name name, int type, String transport, long start, String why) {
        return new DnsAnswer(name.toString(), Type.string(type), transport, null, false, List.of(),
                System.nanoTime() - start, why);
    }

    /** @return {@code [address]:port} with the address in its short form ({@code [::1]:8053}) */
    static String describe(InetSocketAddress server) {
        return "[" + shortForm(server.getAddress().getHostAddress()) + "]:" + server.getPort();
    }

    /** Shortens an IPv6 address as RFC 5952 does: the longest run of two or more zero groups becomes "::". */
    static String shortForm(String address) {
        String text = address.replaceFirst("%.*$", "");
        String[] groups = text.split(":");
        if (groups.length != 8) {
            return text;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8;) {
            int j = i;
            while (j < 8 && groups[j].replaceFirst("^0+", "").isEmpty()) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            out.append(groups[i].replaceFirst("^0+(?=.)", ""));
            if (i < 7) {
                out.append(':');
            }
        }
        return out.toString().toLowerCase(java.util.Locale.ROOT);
    }
}
