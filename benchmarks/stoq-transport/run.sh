#!/usr/bin/env bash
# STOQ transport benchmark over [::1]: bulk throughput (1 connection x 1 stream, 1 x 16 streams, 4 connections
# x 1 stream; 1350- and 65000-byte UDP payloads) against plain TCP and JDK TLS 1.3 with the same bytes and shapes,
# and sequential handshakes (X25519MLKEM768, MLKEM1024, + FALCON-1024 possession proof) against full JDK TLS 1.3
# handshakes; prints figures, same-run ratios and the JVM's memory. Every case stops after at most 20 s: the
# whole run takes at most about 6 minutes. Extra arguments go to the benchmark (e.g. --megabytes=64).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/stoq-transport-benchmarks.jar"
[ -f "$jar" ] || (cd "$here/../.." && mvn -B -q -DskipTests install -pl benchmarks/stoq-transport -am)
out="$here/target/results"; mkdir -p "$out"
java -Xms256m -Xmx1g -jar "$jar" "$@" 2>&1 | tee "$out/stoq.txt"
