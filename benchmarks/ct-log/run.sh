#!/usr/bin/env bash
# CT log benchmark: durable appends/s through the log (group commit, SCT with ECDSA P-256 + FALCON-1024)
# against one sync per entry, with 1 and 8 submitters; proof latency in a tree of 10^6 entries against
# rehashing the whole tree. Prints figures and ratios. Bounded: about 5 minutes.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/ct-log-benchmarks.jar"
[ -f "$jar" ] || (cd "$here/../.." && mvn -B -q -DskipTests install -pl benchmarks/ct-log -am)
out="$here/target/results"; mkdir -p "$out"
for threads in 1 8; do
  java -jar "$jar" AppendBenchmark -f 1 -wi 1 -w 5s -i 3 -r 10s -t "$threads" \
    -rf json -rff "$out/append-t$threads.json" > "$out/append-t$threads.txt"
done
java -Xmx1g -jar "$jar" ProofBenchmark -f 1 -wi 1 -w 5s -i 3 -r 5s \
  -rf json -rff "$out/proof.json" > "$out/proof.txt"
python3 - "$out" <<'PY'
import json, os, sys
out = sys.argv[1]
for threads in (1, 8):
    rows = {r["benchmark"].split(".")[-1]: r["primaryMetric"]["score"]
            for r in json.load(open(os.path.join(out, f"append-t{threads}.json")))}
    log, queue, base = rows["logAddChain"], rows["queueAppendOnly"], rows["baselineSyncPerEntry"]
    print(f"submitters={threads}: add-chain {log:.0f}/s (chain check, durable append, SCT signed ECDSA+FALCON); "
          f"storage path alone {queue:.0f}/s; one-sync-per-entry baseline {base:.0f}/s -> storage/baseline "
          f"x{queue/base:.2f}, add-chain/baseline x{log/base:.2f}")
rows = {r["benchmark"].split(".")[-1]: r["primaryMetric"] for r in json.load(open(os.path.join(out, "proof.json")))}
base_ms = rows["baselineRehashWholeTree"]["score"]
for name in ("inclusionProof", "consistencyProof", "leafByHash", "rootHash"):
    us = rows[name]["score"]
    print(f"{name}: {us:.1f} us at 10^6 entries; rehash-the-tree baseline {base_ms:.0f} ms -> x{base_ms*1000/us:.0f} faster")
PY
grep -h "tree filled" "$out/proof.txt" | sed -n 1p
