package network.internet2.trustchain.dns.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Runs the message handler on random and mutated input for a bounded time
 * (at most 300,000 inputs or 8 seconds): it must never throw, and whatever it
 * answers must be a well-formed response to that query that fits the transport.
 * The seed is printed so that a failure can be replayed.
 */
public class QueryResponderFuzzTest {

    private static final int MAX_INPUTS = 300_000;
    private static final long MAX_NANOS = 8_000_000_000L;

    @Test
    public void theHandlerSurvivesRandomAndMutatedInput() throws IOException {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        DnsCounters counters = new DnsCounters();
        ZoneBook zone = new ZoneBook(TestZones.settings(), TestZones.signer(Clock.systemUTC()), Clock.systemUTC());
        for (int i = 1; i <= 30; i++) {
            zone.publish(TestZones.name("many.internet2.network."), TestZones.v6("fd00::" + i), 60, "fuzz");
        }
        QueryResponder responder = new QueryResponder(zone::snapshot, 1232, counters);
        List<byte[]> seeds = validQueries();
        long deadline = System.nanoTime() + MAX_NANOS;
        int inputs = 0;
        int answered = 0;
        while (inputs < MAX_INPUTS && System.nanoTime() < deadline) {
            byte[] input = switch (random.nextInt(3)) {
                case 0 -> randomBytes(random);
                case 1 -> mutate(seeds.get(random.nextInt(seeds.size())), random);
                default -> seeds.get(random.nextInt(seeds.size()));
            };
            boolean tcp = random.nextInt(4) == 0;
            byte[] answer;
            try {
                answer = responder.respond(input, tcp);
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ", input " + Arrays.toString(input), e);
            }
            inputs++;
            if (answer != null) {
                answered++;
                check(input, answer, tcp, seed);
            }
        }
        System.out.printf("fuzz: seed %d, %d inputs, %d answered, %d dropped%n", seed, inputs, answered,
                counters.snapshot().dropped());
        assertTrue("the fuzzer ran", inputs > 1000);
        assertTrue("valid queries were answered", answered > inputs / 4);
    }

    private static void check(byte[] input, byte[] answer, boolean tcp, long seed) throws IOException {
        String context = "seed " + seed + ", input " + Arrays.toString(input);
        Message response = new Message(answer);
        assertTrue(context, response.getHeader().getFlag(Flags.QR));
        assertEquals(context, ((input[0] & 0xff) << 8) | (input[1] & 0xff), response.getHeader().getID());
        int limit = tcp ? QueryResponder.TCP_SIZE : QueryResponder.CLASSIC_UDP_SIZE;
        try {
            OPTRecord opt = new Message(input).getOPT();
            if (opt != null && !tcp) {
                limit = Math.max(QueryResponder.CLASSIC_UDP_SIZE, Math.min(1232, opt.getPayloadSize()));
            }
        } catch (IOException unparseable) {
            // FORMERR answers are header-sized anyway
        }
        assertTrue(context + ": " + answer.length + " > " + limit, answer.length <= limit);
    }

    private static List<byte[]> validQueries() {
        List<byte[]> queries = new ArrayList<>();
        String[] names = {"internet2.network.", "node1.internet2.network.", "many.internet2.network.",
            "missing.internet2.network.", "a.b.c.internet2.network.", "example.com.", "."};
        int[] types = {Type.A, Type.AAAA, Type.SOA, Type.NS, Type.DNSKEY, Type.NSEC, Type.RRSIG, Type.ANY,
            Type.AXFR, Type.TXT, Type.DS};
        for (String name : names) {
            for (int type : types) {
                Message query = Message.newQuery(Record.newRecord(TestZones.name(name), type, DClass.IN));
                queries.add(query.toWire());
                query.addRecord(new OPTRecord(4096, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
                queries.add(query.toWire());
            }
        }
        return queries;
    }

    private static byte[] randomBytes(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(700)];
        random.nextBytes(bytes);
        if (bytes.length > 2 && random.nextBoolean()) {
            bytes[2] &= 0x7f; // mostly queries, so that more than the QR check is exercised
        }
        return bytes;
    }

    private static byte[] mutate(byte[] original, SplittableRandom random) {
        byte[] bytes = original.clone();
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            switch (random.nextInt(4)) {
                case 0 -> bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                case 2 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
                default -> {
                    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(16));
                    for (int j = bytes.length; j < longer.length; j++) {
                        longer[j] = (byte) random.nextInt(256);
                    }
                    bytes = longer;
                }
            }
            if (bytes.length == 0) {
                return bytes;
            }
        }
        return bytes;
    }
}
