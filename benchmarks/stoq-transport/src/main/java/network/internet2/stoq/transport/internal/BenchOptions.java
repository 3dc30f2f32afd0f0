package network.internet2.stoq.transport.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The command line of {@link StoqTransportBenchmark}: {@code --key=value} options, each with a default and a
 * checked range, so that a smoke run can be made tiny ({@code --megabytes=16 --handshakes=10}).
 *
 * @param megabytes   MiB sent per bulk round, split evenly over the round's streams or connections
 * @param connections connections of the "N connections x 1 stream" shape
 * @param streams     streams of the "1 connection x many streams" shape (TCP and TLS: as many connections)
 * @param handshakes  measured handshakes per handshake case (after a few warm-up handshakes)
 * @param rounds      measured rounds per bulk case (after one smaller warm-up round)
 * @param caseSeconds time limit of one case, warm-up included; a round cut by it still counts its bytes
 * @param payloads    STOQ maximum UDP payloads to measure bulk throughput with
 * @param cases       which cases run, from {@link #CASES}
 */
record BenchOptions(long megabytes, int connections, int streams, int handshakes, int rounds, int caseSeconds,
        List<Integer> payloads, Set<String> cases) {

    /** 1 connection x 1 stream. */
    static final String SINGLE = "single";
    /** 1 connection x {@code streams} streams; TCP and TLS: {@code streams} connections. */
    static final String STREAMS = "streams";
    /** {@code connections} connections x 1 stream. */
    static final String CONNECTIONS = "connections";
    /** Sequential handshakes. */
    static final String HANDSHAKES = "handshakes";
    static final List<String> CASES = List.of(SINGLE, STREAMS, CONNECTIONS, HANDSHAKES);

    static final String USAGE = String.join("\n",
            "usage: java -jar stoq-transport-benchmarks.jar [--key=value ...]",
            "  --megabytes=512        MiB per bulk round (split over the round's streams or connections)",
            "  --connections=4        connections of the N-connections case",
            "  --streams=16           streams of the many-streams case (TCP/TLS: as many connections)",
            "  --handshakes=100       measured sequential handshakes per handshake case",
            "  --rounds=3             measured rounds per bulk case, after one warm-up round",
            "  --case-seconds=20      time limit of one case, warm-up included",
            "  --payloads=1350,65000  STOQ maximum UDP payloads for the bulk cases",
            "  --cases=" + String.join(",", CASES) + "  which cases run");

    static BenchOptions defaults() {
        return new BenchOptions(512, 4, 16, 100, 3, 20, List.of(TransportSettings.DEFAULT_UDP_PAYLOAD, 65_000),
                new LinkedHashSet<>(CASES));
    }

    /** @throws IllegalArgumentException naming the bad option and what it accepts */
    static BenchOptions parse(String[] args) {
        BenchOptions options = defaults();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("'" + arg + "' is not of the form --key=value");
            }
            options = options.with(arg.substring(2, equals), arg.substring(equals + 1).strip());
        }
        return options;
    }

    private BenchOptions with(String key, String value) {
        return switch (key) {
            case "megabytes" -> new BenchOptions(number(key, value, 1, 1 << 16), connections, streams, handshakes,
                    rounds, caseSeconds, payloads, cases);
            case "connections" -> new BenchOptions(megabytes, (int) number(key, value, 1, 64), streams, handshakes,
                    rounds, caseSeconds, payloads, cases);
            case "streams" -> new BenchOptions(megabytes, connections, (int) number(key, value, 1, 100), handshakes,
                    rounds, caseSeconds, payloads, cases);
            case "handshakes" -> new BenchOptions(megabytes, connections, streams, (int) number(key, value, 1, 100_000),
                    rounds, caseSeconds, payloads, cases);
            case "rounds" -> new BenchOptions(megabytes, connections, streams, handshakes,
                    (int) number(key, value, 1, 20), caseSeconds, payloads, cases);
            case "case-seconds" -> new BenchOptions(megabytes, connections, streams, handshakes, rounds,
                    (int) number(key, value, 1, 600), payloads, cases);
            case "payloads" -> new BenchOptions(megabytes, connections, streams, handshakes, rounds, caseSeconds,
                    payloadList(value), cases);
            case "cases" -> new BenchOptions(megabytes, connections, streams, handshakes, rounds, caseSeconds,
                    payloads, caseSet(value));
            default -> throw new IllegalArgumentException("unknown option --" + key);
        };
    }

    boolean runs(String name) {
        return cases.contains(name);
    }

    long bytesPerRound() {
        return megabytes << 20;
    }

    private static long number(String key, String value, long min, long max) {
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + "=" + value + ": not a number");
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException("--" + key + "=" + value + ": must be between " + min + " and " + max);
        }
        return parsed;
    }

    private static List<Integer> payloadList(String value) {
        List<Integer> list = new ArrayList<>();
        for (String item : value.split(",")) {
            list.add((int) number("payloads", item.strip(), TransportSettings.MIN_UDP_PAYLOAD,
                    TransportSettings.MAX_UDP_PAYLOAD));
        }
        return List.copyOf(list);
    }

    private static Set<String> caseSet(String value) {
        Set<String> set = new LinkedHashSet<>();
        for (String item : value.split(",")) {
            String name = item.strip().toLowerCase(Locale.ROOT);
            if (!CASES.contains(name)) {
                throw new IllegalArgumentException("--cases: '" + name + "' is not one of " + CASES);
            }
            set.add(name);
        }
        return set;
    }
}
