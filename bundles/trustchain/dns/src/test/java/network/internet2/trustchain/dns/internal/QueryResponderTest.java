package network.internet2.trustchain.dns.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.Before;
import org.junit.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

public class QueryResponderTest {

    private final DnsCounters counters = new DnsCounters();
    private ZoneBook zone;
    private ZoneSigner signer;
    private QueryResponder responder;

    @Before
    public void signedZone() {
        signer = TestZones.signer(Clock.systemUTC());
        zone = new ZoneBook(TestZones.settings(), signer, Clock.systemUTC());
        responder = new QueryResponder(zone::snapshot, 1232, counters);
    }

    @Test
    public void answersTheNodesAaaaAuthoritatively() throws IOException {
        Message answer = ask("node1.internet2.network.", Type.AAAA, false);
        assertEquals(Rcode.NOERROR, answer.getRcode());
        assertTrue(answer.getHeader().getFlag(Flags.AA));
        assertTrue(answer.getHeader().getFlag(Flags.QR));
        List<Record> records = answer.getSection(Section.ANSWER);
        assertEquals(1, records.size());
        assertEquals(TestZones.NODE, ((AAAARecord) records.get(0)).getAddress());
        for (String service : List.of("stoq", "ca", "ct", "dns", "api")) {
            assertEquals(service, 1, ask(service + ".internet2.network.", Type.AAAA, false)
                    .getSection(Section.ANSWER).size());
        }
    }

    @Test
    public void namesAreCaseInsensitiveAndTheQuestionIsEchoedAsAsked() throws IOException {
        Message answer = ask("NoDe1.Internet2.NETWORK.", Type.AAAA, false);
        assertEquals(1, answer.getSection(Section.ANSWER).size());
        assertEquals("NoDe1.Internet2.NETWORK.", answer.getQuestion().getName().toString());
    }

    @Test
    public void anAQueryGetsNodataWithTheSoaNeverAnIpv4Address() throws IOException {
        Message answer = ask("node1.internet2.network.", Type.A, false);
        assertEquals(Rcode.NOERROR, answer.getRcode());
        assertTrue(answer.getSection(Section.ANSWER).isEmpty());
        List<Record> authority = answer.getSection(Section.AUTHORITY);
        assertEquals(Type.SOA, authority.get(0).getType());
        assertEquals("negative TTL is the SOA minimum", 60, authority.get(0).getTTL());
    }

    @Test
    public void namesOutsideTheZoneAreRefusedWithoutRecursion() throws IOException {
        Message answer = ask("example.com.", Type.AAAA, false);
        assertEquals(Rcode.REFUSED, answer.getRcode());
        assertFalse(answer.getHeader().getFlag(Flags.AA));
        assertFalse(answer.getHeader().getFlag(Flags.RA));
        assertEquals(Rcode.REFUSED, ask("network.", Type.SOA, false).getRcode());
    }

    @Test
    public void unknownNamesGetNxdomainWithTheSoa() throws IOException {
        Message answer = ask("nothing-here.internet2.network.", Type.AAAA, false);
        assertEquals(Rcode.NXDOMAIN, answer.getRcode());
        assertTrue(answer.getHeader().getFlag(Flags.AA));
        assertEquals(Type.SOA, answer.getSection(Section.AUTHORITY).get(0).getType());
        assertTrue("no DNSSEC records without the DO bit", answer.getSection(Section.AUTHORITY).stream()
                .noneMatch(record -> record.getType() == Type.RRSIG || record.getType() == Type.NSEC));
    }

    @Test
    public void apexHasSoaNsAndDnskey() throws IOException {
        assertEquals(1, ask("internet2.network.", Type.SOA, false).getSection(Section.ANSWER).size());
        assertEquals("dns.internet2.network.", ask("internet2.network.", Type.NS, false)
                .getSection(Section.ANSWER).get(0).rdataToString());
        DNSKEYRecord key = (DNSKEYRecord) ask("internet2.network.", Type.DNSKEY, false)
                .getSection(Section.ANSWER).get(0);
        assertEquals(DNSSEC.Algorithm.ECDSAP256SHA256, key.getAlgorithm());
        assertEquals(257, key.getFlags());
    }

    @Test
    public void withDoEveryAnswerCarriesAVerifiableRrsig() throws Exception {
        Message answer = ask("stoq.internet2.network.", Type.AAAA, true);
        assertTrue((answer.getOPT().getFlags() & ExtendedFlags.DO) != 0);
        verifyAll(answer.getSection(Section.ANSWER), 1);
    }

    @Test
    public void nodataWithDoIsProvenByTheNamesNsec() throws Exception {
        Message answer = ask("node1.internet2.network.", Type.A, true);
        List<Record> authority = answer.getSection(Section.AUTHORITY);
        NSECRecord nsec = authority.stream().filter(NSECRecord.class::isInstance).map(NSECRecord.class::cast)
                .findFirst().orElseThrow();
        assertEquals(TestZones.name("node1.internet2.network."), nsec.getName());
        assertTrue(nsec.hasType(Type.AAAA));
        assertFalse(nsec.hasType(Type.A));
        verifyAll(authority, 2);
    }

    @Test
    public void nxdomainWithDoIsProvenByCoveringNsecs() throws Exception {
        Name missing = TestZones.name("missing.internet2.network.");
        Message answer = ask(missing.toString(), Type.AAAA, true);
        assertEquals(Rcode.NXDOMAIN, answer.getRcode());
        List<NSECRecord> proofs = answer.getSection(Section.AUTHORITY).stream()
                .filter(NSECRecord.class::isInstance).map(NSECRecord.class::cast).toList();
        assertTrue(proofs.stream().anyMatch(nsec -> covers(nsec, missing)));
        Name wildcard = TestZones.name("*.internet2.network.");
        assertTrue("no wildcard either", proofs.stream().anyMatch(nsec -> covers(nsec, wildcard)));
        verifyAll(answer.getSection(Section.AUTHORITY), proofs.size() + 1);
    }

    @Test
    public void anEmptyNonTerminalExistsWithNoData() throws IOException {
        zone.publish(TestZones.name("alloc-7.host.node1.internet2.network."), TestZones.v6("fd00::7"), 60, "test");
        Message answer = ask("host.node1.internet2.network.", Type.AAAA, true);
        assertEquals(Rcode.NOERROR, answer.getRcode());
        assertTrue(answer.getSection(Section.ANSWER).isEmpty());
        NSECRecord proof = answer.getSection(Section.AUTHORITY).stream().filter(NSECRecord.class::isInstance)
                .map(NSECRecord.class::cast).findFirst().orElseThrow();
        assertTrue(covers(proof, TestZones.name("host.node1.internet2.network.")));
    }

    @Test
    public void publishedRecordsComeAndGoAndTheSerialGrows() throws IOException {
        long serial = zone.snapshot().serial();
        ZoneBook.Entry entry = zone.publish(TestZones.name("peer.internet2.network."), TestZones.v6("fd00::2"),
                120, "test");
        assertTrue(zone.snapshot().serial() > serial);
        Message answer = ask("peer.internet2.network.", Type.AAAA, false);
        assertEquals(120, answer.getSection(Section.ANSWER).get(0).getTTL());
        zone.withdraw(entry.id());
        assertEquals(Rcode.NXDOMAIN, ask("peer.internet2.network.", Type.AAAA, false).getRcode());
    }

    @Test
    public void ednsAnswerAdvertisesOurBufferAndUnknownVersionsGetBadvers() throws IOException {
        Message answer = ask("node1.internet2.network.", Type.AAAA, false, new OPTRecord(4096, 0, 0, 0));
        assertEquals(1232, answer.getOPT().getPayloadSize());
        Message badVersion = ask("node1.internet2.network.", Type.AAAA, false, new OPTRecord(4096, 0, 1, 0));
        assertEquals(Rcode.BADVERS, badVersion.getRcode());
    }

    @Test
    public void oversizedUdpAnswersAreTruncatedAndComeWholeOverTcp() throws IOException {
        Name crowded = TestZones.name("crowded.internet2.network.");
        for (int i = 1; i <= 40; i++) {
            zone.publish(crowded, TestZones.v6("fd00::" + Integer.toHexString(i)), 60, "test");
        }
        Message query = Message.newQuery(Record.newRecord(crowded, Type.AAAA, DClass.IN));
        Message udp = new Message(responder.respond(query.toWire(), false));
        assertTrue(udp.getHeader().getFlag(Flags.TC));
        Message tcp = new Message(responder.respond(query.toWire(), true));
        assertFalse(tcp.getHeader().getFlag(Flags.TC));
        assertEquals(40, tcp.getSection(Section.ANSWER).size());
        assertEquals(1, counters.snapshot().truncated());
    }

    @Test
    public void otherOpcodesGetNotimpAndZoneTransfersAreRefused() throws IOException {
        Message update = Message.newQuery(Record.newRecord(TestZones.ORIGIN, Type.SOA, DClass.IN));
        update.getHeader().setOpcode(Opcode.UPDATE);
        assertEquals(Rcode.NOTIMP, new Message(responder.respond(update.toWire(), false)).getRcode());
        assertEquals(Rcode.REFUSED, ask("internet2.network.", Type.AXFR, false).getRcode());
        assertEquals(Rcode.REFUSED, ask("internet2.network.", Type.IXFR, false).getRcode());
        Message chaos = Message.newQuery(Record.newRecord(TestZones.name("version.bind."), Type.TXT, DClass.CH));
        assertEquals(Rcode.REFUSED, new Message(responder.respond(chaos.toWire(), false)).getRcode());
    }

    @Test
    public void malformedQueriesGetFormerrAndFragmentsOrResponsesAreDropped() throws IOException {
        byte[] query = Message.newQuery(Record.newRecord(TestZones.ORIGIN, Type.SOA, DClass.IN)).toWire();
        byte[] cut = java.util.Arrays.copyOf(query, query.length - 3);
        Message formerr = new Message(responder.respond(cut, false));
        assertEquals(Rcode.FORMERR, formerr.getRcode());
        assertEquals(new Message(query).getHeader().getID(), formerr.getHeader().getID());
        assertNull("shorter than a header", responder.respond(new byte[5], false));
        byte[] response = responder.respond(query, false);
        assertNull("a response is never answered", responder.respond(response, false));
        Message twoQuestions = Message.newQuery(Record.newRecord(TestZones.ORIGIN, Type.SOA, DClass.IN));
        twoQuestions.addRecord(Record.newRecord(TestZones.ORIGIN, Type.NS, DClass.IN), Section.QUESTION);
        assertEquals(Rcode.FORMERR, new Message(responder.respond(twoQuestions.toWire(), false)).getRcode());
        assertEquals(2, counters.snapshot().dropped());
    }

    @Test
    public void unsignedZoneHasNoDnssecRecordsEvenWithDo() throws IOException {
        ZoneBook plain = new ZoneBook(TestZones.settings(), null, Clock.systemUTC());
        QueryResponder unsigned = new QueryResponder(plain::snapshot, 1232, counters);
        Message query = Message.newQuery(Record.newRecord(TestZones.name("missing.internet2.network."), Type.AAAA,
                DClass.IN));
        query.addRecord(new OPTRecord(1232, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
        Message answer = new Message(unsigned.respond(query.toWire(), false));
        assertEquals(Rcode.NXDOMAIN, answer.getRcode());
        assertEquals(1, answer.getSection(Section.AUTHORITY).size());
    }

    @Test
    public void countersFollowTheAnswers() throws IOException {
        ask("node1.internet2.network.", Type.AAAA, false);
        ask("missing.internet2.network.", Type.AAAA, false);
        ask("example.org.", Type.A, false);
        var statistics = counters.snapshot();
        assertEquals(3, statistics.queries());
        assertEquals(Long.valueOf(2), statistics.byType().get("AAAA"));
        assertEquals(Long.valueOf(1), statistics.byRcode().get("NXDOMAIN"));
        assertEquals(Long.valueOf(1), statistics.byRcode().get("REFUSED"));
        assertNotNull(statistics.byRcode().get("NOERROR"));
    }

    @Test
    public void rejectsAPayloadLimitBelowTheClassicSize() {
        try {
            new QueryResponder(zone::snapshot, 100, counters);
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("udp.payload.max"));
            return;
        }
        throw new AssertionError("a 100-byte limit was accepted");
    }

    private Message ask(String name, int type, boolean dnssecOk) throws IOException {
        return ask(name, type, dnssecOk, dnssecOk ? new OPTRecord(1232, 0, 0, ExtendedFlags.DO) : null);
    }

    private Message ask(String name, int type, boolean dnssecOk, OPTRecord opt) throws IOException {
        Message query = Message.newQuery(Record.newRecord(TestZones.name(name), type, DClass.IN));
        if (opt != null) {
            query.addRecord(opt, Section.ADDITIONAL);
        }
        byte[] wire = responder.respond(query.toWire(), false);
        assertNotNull(wire);
        Message answer = new Message(wire);
        assertEquals(query.getHeader().getID(), answer.getHeader().getID());
        return answer;
    }

    /** Every RRset in {@code records} has exactly one RRSIG, which verifies with the zone's DNSKEY. */
    private void verifyAll(List<Record> records, int expectedSets) throws DNSSEC.DNSSECException {
        var bySet = records.stream().filter(record -> record.getType() != Type.RRSIG)
                .collect(Collectors.groupingBy(record -> record.getName() + "/" + record.getType()));
        List<RRSIGRecord> signatures = records.stream().filter(RRSIGRecord.class::isInstance)
                .map(RRSIGRecord.class::cast).toList();
        assertEquals(expectedSets, bySet.size());
        assertEquals(expectedSets, signatures.size());
        for (RRSIGRecord signature : signatures) {
            RRset set = new RRset();
            records.stream().filter(record -> record.getName().equals(signature.getName())
                    && record.getType() == signature.getTypeCovered()).forEach(set::addRR);
            if (signature.getTypeCovered() == Type.SOA) {
                // the SOA in a negative answer carries the negative TTL; validators restore the original TTL
                RRset original = zone.snapshot().soa();
                DNSSEC.verify(withoutSignatures(original), signature, signer.dnskey());
                continue;
            }
            DNSSEC.verify(set, signature, signer.dnskey());
        }
    }

    private static RRset withoutSignatures(RRset set) {
        RRset plain = new RRset();
        set.rrs(false).forEach(plain::addRR);
        return plain;
    }

    private static boolean covers(NSECRecord nsec, Name name) {
        Name next = nsec.getNext();
        boolean afterOwner = nsec.getName().compareTo(name) < 0;
        boolean beforeNext = name.compareTo(next) < 0 || next.equals(TestZones.ORIGIN);
        return afterOwner && beforeNext;
    }
}
