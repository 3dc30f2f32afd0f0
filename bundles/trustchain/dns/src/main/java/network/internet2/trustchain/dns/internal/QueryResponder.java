package network.internet2.trustchain.dns.internal;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Turns one query message into its answer, as an authoritative-only server
 * (RFC 1034/1035, EDNS0 per RFC 6891, DNSSEC per RFC 4035, negative answers per
 * RFC 2308). It never throws: bad input gets FORMERR, NOTIMP or REFUSED, or is
 * dropped when not even a header can be read or it is itself a response.
 */
final class QueryResponder {

    /** The classic UDP limit without EDNS (RFC 1035 section 4.2.1). */
    static final int CLASSIC_UDP_SIZE = 512;
    /** The largest TCP message (two-byte length prefix, RFC 1035 section 4.2.2). */
    static final int TCP_SIZE = 65_535;
    private static final int HEADER_SIZE = 12;
    private static final Name WILDCARD = Name.fromConstantString("*");

    private final Supplier<ZoneSnapshot> zone;
    private final int udpPayloadLimit;
    private final DnsCounters counters;

    /** @param udpPayloadLimit the largest UDP answer this server sends, whatever the client offers (EDNS) */
    QueryResponder(Supplier<ZoneSnapshot> zone, int udpPayloadLimit, DnsCounters counters) {
        if (udpPayloadLimit < CLASSIC_UDP_SIZE || udpPayloadLimit > TCP_SIZE) {
            throw new IllegalArgumentException("udp.payload.max must be between " + CLASSIC_UDP_SIZE + " and "
                    + TCP_SIZE + ", got " + udpPayloadLimit);
        }
        this.zone = zone;
        this.udpPayloadLimit = udpPayloadLimit;
        this.counters = counters;
    }

    /**
     * @param query the message as received
     * @param tcp   whether it came over TCP (no truncation below 64 KiB)
     * @return the answer's wire form, or {@code null} to send nothing
     */
    byte[] respond(byte[] query, boolean tcp) {
        long start = System.nanoTime();
        if (query.length < HEADER_SIZE) {
            counters.dropped();
            return null;
        }
        Header header;
        try {
            header = new Header(java.util.Arrays.copyOf(query, HEADER_SIZE));
        } catch (IOException unreadable) {
            counters.dropped();
            return null;
        }
        if (header.getFlag(Flags.QR)) {
            counters.dropped();
            return null;
        }
        Message request;
        try {
            request = new Message(query);
        } catch (IOException | RuntimeException malformed) {
            return finish(error(header, null, Rcode.FORMERR), -1, tcp, tcp ? TCP_SIZE : CLASSIC_UDP_SIZE, start);
        }
        OPTRecord opt = request.getOPT();
        int limit = tcp ? TCP_SIZE : opt == null ? CLASSIC_UDP_SIZE
                : Math.max(CLASSIC_UDP_SIZE, Math.min(opt.getPayloadSize(), udpPayloadLimit));
        Record question = request.getQuestion();
        int qtype = question == null ? -1 : question.getType();
        return finish(answer(request, opt), qtype, tcp, limit, start);
    }

    private byte[] finish(Message response, int qtype, boolean tcp, int limit, long start) {
        byte[] wire = response.toWire(limit);
        boolean truncated = (wire[2] & 0x02) != 0;
        counters.answered(qtype, response.getRcode(), truncated, tcp, System.nanoTime() - start);
        return wire;
    }

    private Message answer(Message request, OPTRecord opt) {
        Header header = request.getHeader();
        Record question = request.getQuestion();
        if (header.getOpcode() != Opcode.QUERY) {
            return error(header, question, Rcode.NOTIMP);
        }
        if (header.getCount(Section.QUESTION) != 1 || countOpt(request) > 1) {
            return error(header, null, Rcode.FORMERR);
        }
        boolean dnssecOk = opt != null && (opt.getFlags() & ExtendedFlags.DO) != 0;
        if (opt != null && opt.getVersion() != 0) {
            Message response = error(header, question, Rcode.NOERROR);
            response.addRecord(new OPTRecord(udpPayloadLimit, Rcode.BADVERS >>> 4, 0, 0), Section.ADDITIONAL);
            return response;
        }
        Message response = error(header, question, Rcode.NOERROR);
        if (opt != null) {
            response.addRecord(new OPTRecord(udpPayloadLimit, 0, 0, dnssecOk ? ExtendedFlags.DO : 0),
                    Section.ADDITIONAL);
        }
        int type = question.getType();
        Name name = question.getName();
        ZoneSnapshot snapshot = zone.get();
        if (question.getDClass() != DClass.IN && question.getDClass() != DClass.ANY
                || !snapshot.inZone(name) || type == Type.AXFR || type == Type.IXFR) {
            response.getHeader().setRcode(Rcode.REFUSED);
            return response;
        }
        response.getHeader().setFlag(Flags.AA);
        if (!Type.isRR(type) && type != Type.ANY) {
            response.getHeader().setRcode(Rcode.NOTIMP);
            return response;
        }
        Map<Integer, RRset> sets = snapshot.at(name);
        if (!sets.isEmpty()) {
            if (type == Type.RRSIG && snapshot.signed()) {
                sets.values().forEach(set -> set.sigs().forEach(sig -> response.addRecord(sig, Section.ANSWER)));
                return response;
            }
            if (type == Type.ANY) {
                sets.values().forEach(set -> add(response, set, Section.ANSWER, dnssecOk));
                return response;
            }
            RRset set = sets.get(type);
            if (set != null) {
                add(response, set, Section.ANSWER, dnssecOk);
                return response;
            }
            negative(response, snapshot, dnssecOk, sets.get(Type.NSEC));
            return response;
        }
        if (snapshot.isEmptyNonTerminal(name)) {
            negative(response, snapshot, dnssecOk, snapshot.coveringNsec(name));
            return response;
        }
        response.getHeader().setRcode(Rcode.NXDOMAIN);
        RRset nameProof = snapshot.coveringNsec(name);
        negative(response, snapshot, dnssecOk, nameProof);
        if (dnssecOk && snapshot.signed()) {
            RRset wildcardProof = snapshot.coveringNsec(wildcard(snapshot.closestEncloser(name)));
            if (wildcardProof != null && !wildcardProof.getName().equals(nameProof.getName())) {
                add(response, wildcardProof, Section.AUTHORITY, true);
            }
        }
        return response;
    }

    /** @return {@code *.<encloser>}; it always fits, the encloser being a proper ancestor of a valid name */
    private static Name wildcard(Name encloser) {
        try {
            return Name.concatenate(WILDCARD, encloser);
        } catch (org.xbill.DNS.NameTooLongException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** NODATA or NXDOMAIN: the SOA for negative caching and, with DO, the NSEC that proves it. */
    private static void negative(Message response, ZoneSnapshot snapshot, boolean dnssecOk, RRset proof) {
        add(response, snapshot.negativeSoa(), Section.AUTHORITY, dnssecOk);
        if (dnssecOk && snapshot.signed() && proof != null) {
            add(response, proof, Section.AUTHORITY, true);
        }
    }

    private static void add(Message response, RRset set, int section, boolean withSignatures) {
        for (Record record : set.rrs(false)) {
            response.addRecord(record, section);
        }
        if (withSignatures) {
            for (Record signature : set.sigs()) {
                response.addRecord(signature, section);
            }
        }
    }

    /** @return an answer to {@code header} with {@code rcode}, echoing the question when there is one */
    private static Message error(Header header, Record question, int rcode) {
        Message response = new Message(header.getID());
        Header answer = response.getHeader();
        answer.setFlag(Flags.QR);
        answer.setOpcode(header.getOpcode());
        if (header.getFlag(Flags.RD)) {
            answer.setFlag(Flags.RD);
        }
        if (header.getFlag(Flags.CD)) {
            answer.setFlag(Flags.CD);
        }
        answer.setRcode(rcode);
        if (question != null) {
            response.addRecord(question, Section.QUESTION);
        }
        return response;
    }

    private static int countOpt(Message request) {
        return (int) request.getSection(Section.ADDITIONAL).stream().filter(r -> r.getType() == Type.OPT).count();
    }
}
