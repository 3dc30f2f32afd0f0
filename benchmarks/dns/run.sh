#!/usr/bin/env bash
# DNS benchmark: the node's embedded DNS server against NSD serving the same signed zone, in the same run,
# loaded by dnsperf over [::1]. Prints queries/s (unbounded load) and latency percentiles (fixed rate),
# plain and with the DO bit (answers carry RRSIGs/NSEC), each as a ratio ours/NSD, alternating the two
# servers so that both see the same machine. Then the node's resident memory and heap.
# Needs a running node (./deploy-internet2.sh start); installs dnsperf, nsd and dig from Debian if missing.
# Bounded: about 3 minutes (every dnsperf run is limited by -l).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
OURS_PORT="${OURS_PORT:-8053}"
NSD_PORT="${NSD_PORT:-8054}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-10}"
RATE="${RATE:-5000}"            # queries/s of the latency runs, well under either server's capacity
ZONE="internet2.network"
out="$here/target"; rm -rf "$out"; mkdir -p "$out"

missing=()
command -v dnsperf >/dev/null || missing+=(dnsperf)
command -v nsd >/dev/null || missing+=(nsd)
command -v dig >/dev/null || missing+=(bind9-dnsutils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  sudo_=""; [ "$(id -u)" -eq 0 ] || sudo_="sudo"
  $sudo_ apt-get install -y -q "${missing[@]}" >/dev/null
fi

dig @::1 -p "$OURS_PORT" +time=2 +tries=1 SOA "$ZONE" +short >/dev/null \
  || { echo "the node's DNS does not answer on [::1]:$OURS_PORT: start it with ./deploy-internet2.sh start" >&2; exit 1; }

# 1. The same zone for NSD: every RRset the node serves, signatures and NSEC chain included (ANY with DO).
names="$ZONE. node1.$ZONE. stoq.$ZONE. ca.$ZONE. ct.$ZONE. dns.$ZONE. api.$ZONE."
for name in $names; do
  dig @::1 -p "$OURS_PORT" +noall +answer +dnssec +tcp ANY "$name"
done | sort -u > "$out/$ZONE.zone"
grep -q 'IN	SOA' "$out/$ZONE.zone" || { echo "could not read the zone from the node" >&2; exit 1; }
cat > "$out/nsd.conf" <<CONF
server:
  ip-address: ::1@$NSD_PORT
  do-ip4: no
  server-count: 2
  username: ""
  chroot: ""
  zonesdir: "$out"
  database: ""
  zonelistfile: "$out/zone.list"
  pidfile: "$out/nsd.pid"
  xfrdfile: "$out/xfrd.state"
  xfrdir: "$out"
  logfile: "$out/nsd.log"
  hide-version: yes
  # the same work as ours: no response rate limiting (NSD's default is 200 q/s per client) and
  # minimal responses (no NS set in the authority section of positive answers)
  rrl-ratelimit: 0
  rrl-whitelist-ratelimit: 0
  minimal-responses: yes
  verbosity: 0
remote-control:
  control-enable: no
zone:
  name: "$ZONE"
  zonefile: "$ZONE.zone"
CONF
nsd-checkconf "$out/nsd.conf"
nsd -c "$out/nsd.conf"
trap 'kill "$(cat "$out/nsd.pid" 2>/dev/null)" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do dig @::1 -p "$NSD_PORT" +time=1 +tries=1 SOA "$ZONE" +short >/dev/null 2>&1 && break; sleep 0.2; done
# both servers must give the same answers before they are compared
for q in "node1.$ZONE AAAA" "node1.$ZONE A" "missing.$ZONE AAAA" "$ZONE DNSKEY"; do
  a=$(dig @::1 -p "$OURS_PORT" +noall +answer +authority +comments $q | grep -E 'status|IN' | sed 's/id: [0-9]*//' | sort)
  b=$(dig @::1 -p "$NSD_PORT" +noall +answer +authority +comments $q | grep -E 'status|IN' | sed 's/id: [0-9]*//' | sort)
  [ "$a" = "$b" ] || { echo "answers differ for '$q':"; diff <(echo "$a") <(echo "$b") || true; }
done

# 2. The query mix: hits, NODATA (A), NXDOMAIN, apex records.
{
  for _ in 1 2 3 4; do
    for label in node1 stoq ca ct dns api; do echo "$label.$ZONE AAAA"; done
  done
  echo "node1.$ZONE A"; echo "stoq.$ZONE A"
  for i in 1 2 3 4; do echo "missing-$i.$ZONE AAAA"; done
  echo "$ZONE SOA"; echo "$ZONE NS"; echo "$ZONE DNSKEY"
} > "$out/queries.txt"

throughput() { # server port flags -> qps and mean latency (ms)
  dnsperf -s ::1 -p "$2" -d "$out/queries.txt" -l "$SECONDS_PER_RUN" -c 4 -q 200 $3 > "$out/$1-qps$3.txt" 2>&1
  awk '/Queries per second/ {qps=$4} /Queries lost/ {lost=$3} END {printf "%.0f %s", qps, lost}' "$out/$1-qps$3.txt"
}
latency() { # server port flags -> p50 p99 p99.9 (ms) at a fixed rate
  dnsperf -s ::1 -p "$2" -d "$out/queries.txt" -l "$SECONDS_PER_RUN" -Q "$RATE" -v $3 2>/dev/null \
    | awk '$1 == ">" {print $NF * 1000}' | sort -n > "$out/$1-lat$3.txt"
  awk '{v[NR]=$1} END {printf "%.3f %.3f %.3f %d", v[int(NR*0.5)], v[int(NR*0.99)], v[int(NR*0.999)], NR}' "$out/$1-lat$3.txt"
}

# warm-up (the node's JIT)
dnsperf -s ::1 -p "$OURS_PORT" -d "$out/queries.txt" -l 5 >/dev/null 2>&1 || true
summary="$out/summary.txt"; : > "$summary"
for flags in "" "-D"; do
  label=${flags:+with DO}; label=${label:-plain}
  ours1=$(throughput ours "$OURS_PORT" "$flags"); nsd1=$(throughput nsd "$NSD_PORT" "$flags")
  ours2=$(throughput ours "$OURS_PORT" "$flags"); nsd2=$(throughput nsd "$NSD_PORT" "$flags")
  oq=$(( ( ${ours1%% *} + ${ours2%% *} ) / 2 )); nq=$(( ( ${nsd1%% *} + ${nsd2%% *} ) / 2 ))
  ol=$(latency ours "$OURS_PORT" "$flags"); nl=$(latency nsd "$NSD_PORT" "$flags")
  python3 - "$label" "$oq" "$nq" "$ol" "$nl" "$ours1" "$ours2" "$nsd1" "$nsd2" >> "$summary" <<'PY'
import sys
label, oq, nq = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
ol = [float(x) for x in sys.argv[4].split()]; nl = [float(x) for x in sys.argv[5].split()]
print(f"{label}: ours {oq} q/s, NSD {nq} q/s -> ratio ours/NSD {oq/nq:.2f}   (runs: ours {sys.argv[6]} / {sys.argv[7]}, nsd {sys.argv[8]} / {sys.argv[9]}; 'qps lost')")
print(f"{label}: latency at {int(ol[3]/1)} queries: ours p50 {ol[0]:.3f} ms p99 {ol[1]:.3f} ms p99.9 {ol[2]:.3f} ms | "
      f"NSD p50 {nl[0]:.3f} ms p99 {nl[1]:.3f} ms p99.9 {nl[2]:.3f} ms -> p50 ratio {ol[0]/nl[0]:.2f}, p99 ratio {ol[1]/nl[1]:.2f}")
PY
done

pid=$(pgrep -f -- "-Dkaraf.base=$root/runtime/internet2 " | sed -n 1p || true)
if [ -n "${pid:-}" ] && [ -r "/proc/$pid/status" ]; then
  rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status")
  heap=$(jcmd "$pid" GC.heap_info 2>/dev/null | awk '/garbage-first heap|total/ {print; exit}')
  echo "node after the run: RSS ${rss} MiB; heap: ${heap:-unavailable}" >> "$summary"
fi
nsd_pid=$(cat "$out/nsd.pid" 2>/dev/null || true)
[ -n "$nsd_pid" ] && echo "NSD after the run: RSS $(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$nsd_pid/status) MiB (main process)" >> "$summary"
cat "$summary"
