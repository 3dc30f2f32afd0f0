#!/usr/bin/env bash
# Management benchmark, against a running node (./deploy-internet2.sh start; every layer installed is best:
# feature:install hypermesh-assets asset-memory asset-storage proof-work proof-time proof-space proof-stake
# hypermesh-consensus). Two questions, each answered with a baseline measured in the same run:
#
#  1. What do the management endpoints cost? Latency (p50/p99) of GET /health, /metrics, /metrics?format=json,
#     /stats over one keep-alive HTTP connection, against the HTTP server's floor (a 404 from the same server);
#     and /test-dns and /test-cert-validation (each a real DNS probe / a real STOQ handshake to the node itself).
#  2. What does recording metrics cost on a hot path? The DNS server under dnsperf (unbounded load and a fixed
#     5,000 q/s), alternating runs with its metrics component enabled and disabled (scr:disable), so both see
#     the same machine: ratio of queries/s and of latency percentiles.
# Then the node's resident memory and heap. Bounded: N requests per endpoint, SECONDS_PER_RUN per dnsperf run
# (about 2 minutes in all). Installs dnsperf from Debian if missing. Output also in target/summary.txt.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
HTTP="${HTTP:-http://[::1]:8181}"
DNS_PORT="${DNS_PORT:-8053}"
N="${N:-300}"
PROBES="${PROBES:-30}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-10}"
RATE="${RATE:-5000}"
ZONE="internet2.network"
METRICS_COMPONENT="network.internet2.trustchain.dns.internal.DnsMetrics"
out="$here/target"; rm -rf "$out"; mkdir -p "$out"
summary="$out/summary.txt"; : > "$summary"
say() { echo "$*" | tee -a "$summary"; }

command -v dnsperf >/dev/null || { sudo_=""; [ "$(id -u)" -eq 0 ] || sudo_="sudo"; $sudo_ apt-get install -y -q dnsperf >/dev/null; }
curl -sfg "$HTTP/health" >/dev/null || { echo "no node answers on $HTTP: ./deploy-internet2.sh start" >&2; exit 1; }
console() { printf '%s\n' "$1" | "$root/runtime/internet2/bin/client" -a 8101 -h ::1 -u karaf -p karaf -b 2>/dev/null; }

# 1. endpoint latency: N requests on one connection (curl reuses it), per-request total time
percentiles() { # file -> "p50 p99" in ms
  sort -n "$1" | awk '{v[NR]=$1*1000} END {a=int(NR*0.5); b=int(NR*0.99); if (a<1) a=1; if (b<1) b=1; printf "%.2f %.2f", v[a], v[b]}'
}
endpoint() { # label path count
  local urls=() i
  for i in $(seq 1 "$3"); do urls+=(-o /dev/null "$HTTP$2"); done
  curl -sg -w '%{time_total}\n' "${urls[@]}" > "$out/$1.txt"
  percentiles "$out/$1.txt"
}
endpoint warmup /metrics 100 >/dev/null; endpoint warmup /stats 100 >/dev/null; endpoint warmup /no-such-path 100 >/dev/null
floor=$(endpoint floor /no-such-path "$N")
say "HTTP floor (404 from the same server), $N requests: p50 ${floor% *} ms, p99 ${floor#* } ms"
for spec in "health /health" "metrics /metrics" "metrics-json /metrics?format=json" "stats /stats"; do
  label=${spec% *}; path=${spec#* }
  r=$(endpoint "$label" "$path" "$N")
  python3 -c "import sys; f=[float(x) for x in sys.argv[2].split()]; r=[float(x) for x in sys.argv[3].split()]; print(f'GET {sys.argv[1]}: p50 {r[0]:.2f} ms, p99 {r[1]:.2f} ms  (x{r[0]/f[0]:.1f} / x{r[1]/f[1]:.1f} of the floor)')" "$path" "$floor" "$r" | tee -a "$summary"
done
body="$(curl -sg "$HTTP/metrics")"
say "GET /metrics: $(printf '%s' "$body" | wc -c) bytes, $(printf '%s\n' "$body" | grep -c '^# TYPE') families, $(printf '%s\n' "$body" | grep -vc '^#') samples"
for spec in "test-dns /test-dns" "test-cert-validation /test-cert-validation"; do
  label=${spec% *}; path=${spec#* }
  code=$(curl -sg -o "$out/$label.json" -w '%{http_code}' "$HTTP$path")
  r=$(endpoint "$label" "$path" "$PROBES")
  say "GET $path ($code), $PROBES runs: p50 ${r% *} ms, p99 ${r#* } ms"
done

# 2. the cost of recording metrics on the DNS hot path, A/B in the same run
{
  for _ in 1 2 3 4; do for label in node1 stoq ca ct dns api; do echo "$label.$ZONE AAAA"; done; done
  echo "node1.$ZONE A"; for i in 1 2 3 4; do echo "missing-$i.$ZONE AAAA"; done
  echo "$ZONE SOA"; echo "$ZONE NS"
} > "$out/queries.txt"
qps() { dnsperf -s ::1 -p "$DNS_PORT" -d "$out/queries.txt" -l "$SECONDS_PER_RUN" -c 4 -q 200 2>&1 | awk '/Queries per second/ {printf "%.0f", $4}'; }
lat() {
  dnsperf -s ::1 -p "$DNS_PORT" -d "$out/queries.txt" -l "$SECONDS_PER_RUN" -Q "$RATE" -v 2>/dev/null \
    | awk '$1 == ">" {print $NF * 1000}' | sort -n | awk '{v[NR]=$1} END {printf "%.3f %.3f", v[int(NR*0.5)], v[int(NR*0.99)]}'
}
toggle() { console "scr:$1 $METRICS_COMPONENT" >/dev/null; sleep 1; }
dnsperf -s ::1 -p "$DNS_PORT" -d "$out/queries.txt" -l 5 >/dev/null 2>&1 || true
trap 'toggle enable' EXIT
on1=$(qps); toggle disable; off1=$(qps); toggle enable; on2=$(qps); toggle disable; off2=$(qps)
offl=$(lat); toggle enable; onl=$(lat)
curl -sg "$HTTP/metrics" | grep -q '^trustchain_dns_query_duration_seconds_count' || { echo "the DNS metrics did not come back" >&2; exit 1; }
python3 - "$on1" "$on2" "$off1" "$off2" "$onl" "$offl" <<'PY' | tee -a "$summary"
import sys
on = (int(sys.argv[1]) + int(sys.argv[2])) / 2; off = (int(sys.argv[3]) + int(sys.argv[4])) / 2
onl = [float(x) for x in sys.argv[5].split()]; offl = [float(x) for x in sys.argv[6].split()]
print(f"DNS with metrics {on:.0f} q/s ({sys.argv[1]} / {sys.argv[2]}), without {off:.0f} q/s ({sys.argv[3]} / {sys.argv[4]}) -> x{on/off:.3f}")
print(f"DNS at fixed rate: with metrics p50 {onl[0]:.3f} ms p99 {onl[1]:.3f} ms, without p50 {offl[0]:.3f} ms p99 {offl[1]:.3f} ms -> p50 x{onl[0]/offl[0]:.2f}, p99 x{onl[1]/offl[1]:.2f}")
PY

pid=$(pgrep -f -- "-Dkaraf.base=$root/runtime/internet2 " | sed -n 1p || true)
if [ -n "${pid:-}" ] && [ -r "/proc/$pid/status" ]; then
  rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status")
  heap=$(jcmd "$pid" GC.heap_info 2>/dev/null | awk '/garbage-first heap|total/ {print; exit}')
  say "node after the run: RSS ${rss} MiB; heap: ${heap:-unavailable}"
fi
