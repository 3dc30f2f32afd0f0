#!/usr/bin/env bash
# HyperMesh assets benchmark, every figure against a same-run baseline: allocate + release of 4 KiB memory through
# the real registry (journal synced on every event) with the real memory adapter, 1 and 4 callers, against the
# adapter alone and a bare synced append loop (the durability floor), and through a registry reopened on a journal
# of 100,000 ended allocations; remote memory over STOQ on [::1] (node B on its allocation on node A: read and write
# of 4 KiB and 1 MiB, compare-and-swap, 1 and 4 callers) against local MemoryAccess and a raw STOQ echo. Prints a
# summary of the ratios and the JVM's memory. Every case stops after at most 20 s and the run starts no case after
# 6 minutes. Output: target/summary.txt. Extra arguments go to the benchmark (e.g. --rounds=1 --small-ops=200).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/hypermesh-assets-benchmarks.jar"
[ -f "$jar" ] || (cd "$here/../.." && mvn -B -q -o -DskipTests install -pl benchmarks/hypermesh-assets)
mkdir -p "$here/target/bench-data"
# journals and the fsync floor's file on the disk (target/), memory regions in /dev/shm as on a node
timeout 600 java -Xms128m -Xmx512m -jar "$jar" --dir="$here/target/bench-data" "$@" 2>&1 \
  | tee "$here/target/summary.txt"
