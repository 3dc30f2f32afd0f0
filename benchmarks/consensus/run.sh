#!/usr/bin/env bash
# HyperMesh four-proof consensus benchmark, with the real engines (proof-work, proof-time, proof-space over the real
# storage asset and registry, proof-stake with the real crypto suites) and the real ConsensusCore signing with an
# ECDSA P-256 node certificate whose chain is checked on validation. At the development defaults (work 16 bits, time
# T=65536, space 16384 blocks x work factor 2048, stake ECDSA P-256) and at production settings (22 bits, T=2^20,
# 262144 blocks = 1 GiB x 8192 — 65536 blocks if that plot is not ready within --plot-seconds or the disk is short —,
# stake FALCON-1024): plot build time; per engine prove/verify p50/p99; consensus prove, validate p50/p99 and the
# encoded size; against a bare ECDSA P-256 sign + verify of the same bytes interleaved with every operation, the
# seed's 100 ms validation target and the single-digit-ms aim. Every case is bounded (200 operations / 90 s at the
# defaults, 30 / 240 s at production), the run by --total-seconds=1800 and this script's timeout; about 10-15 min.
# Output also in target/summary.txt. Extra arguments go to the benchmark (e.g. --profiles=development --dev-ops=20).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/consensus-benchmarks.jar"
[ -f "$jar" ] || (cd "$here/../.." && mvn -B -q -o -DskipTests install -pl benchmarks/consensus)
mkdir -p "$here/target/bench-data"
# the plot, ledgers and time chains on the disk (target/), deleted after each setting
timeout 2400 java -Xms256m -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -jar "$jar" \
  --dir="$here/target/bench-data" "$@" 2>&1 | tee "$here/target/summary.txt"
