package network.internet2.trustchain.dns;

import java.util.Map;

/**
 * What the DNS server has done since it started.
 *
 * @param queries            messages answered (every response sent, errors included)
 * @param dropped            datagrams or frames dropped without an answer (unparseable, or a response sent to us)
 * @param byType             answered queries per question type mnemonic ({@code AAAA}, {@code A}, …)
 * @param byRcode            responses per response code mnemonic ({@code NOERROR}, {@code NXDOMAIN}, …)
 * @param truncated          UDP responses sent with the TC bit
 * @param tcpQueries         queries that arrived over TCP
 * @param meanLatencyMicros  mean time from receiving a query to handing its answer to the socket, in µs
 * @param maxLatencyMicros   the longest such time, in µs
 */
public record DnsStatistics(long queries, long dropped, Map<String, Long> byType, Map<String, Long> byRcode,
        long truncated, long tcpQueries, double meanLatencyMicros, long maxLatencyMicros) {

    public DnsStatistics {
        byType = Map.copyOf(byType);
        byRcode = Map.copyOf(byRcode);
    }
}
