#!/usr/bin/env bash
# CA issuance benchmark: hybrid (ECDSA P-256 + FALCON-1024) against classical-only, in the same run,
# with 1 and with 4 concurrent callers. Prints p50/p99 latency (ms) and certificates/s, and the ratio.
# Each issuance includes the synced journal append, as in the node. Bounded: ~4 minutes.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/ca-issuance-benchmarks.jar"
[ -f "$jar" ] || (cd "$here/../.." && mvn -B -q -DskipTests install -pl benchmarks/ca-issuance -am)
out="$here/target/results"; mkdir -p "$out"
for threads in 1 4; do
  java -jar "$jar" IssuanceBenchmark -f 1 -wi 2 -w 5s -i 3 -r 10s -t "$threads" \
    -rf json -rff "$out/issuance-t$threads.json" > "$out/issuance-t$threads.txt"
done
python3 - "$out" <<'PY'
import json, sys, os
out = sys.argv[1]
for threads in (1, 4):
    rows = json.load(open(os.path.join(out, f"issuance-t{threads}.json")))
    figures = {}
    for row in rows:
        suite = row["params"]["suite"]; metric = row["primaryMetric"]
        if row["mode"] == "thrpt":
            figures.setdefault(suite, {})["per_s"] = metric["score"] * 1000
        else:
            p = metric["scorePercentiles"]
            figures.setdefault(suite, {}).update(p50=p["50.0"], p99=p["99.0"])
    h, c = figures["hybrid"], figures["classical"]
    print(f"threads={threads}: hybrid p50 {h['p50']:.2f} ms p99 {h['p99']:.2f} ms {h['per_s']:.0f}/s | "
          f"classical p50 {c['p50']:.2f} ms p99 {c['p99']:.2f} ms {c['per_s']:.0f}/s | "
          f"hybrid/classical latency p50 x{h['p50']/c['p50']:.2f}, throughput x{h['per_s']/c['per_s']:.2f}")
PY
