#!/usr/bin/env bash
# Runs one Internet 2.0 node from this checkout.
#
#   ./deploy-internet2.sh start [--profile development|production]
#       builds the distribution if it is missing or older than the sources,
#       unpacks it under runtime/internet2, applies the profile, starts Karaf in
#       the background and waits until GET /health answers
#   ./deploy-internet2.sh status     is it running, and what /health says
#   ./deploy-internet2.sh stop       stops the node and waits for it to exit
#   ./deploy-internet2.sh logs       follows the node's log
#   ./deploy-internet2.sh client     opens the Karaf console (extra arguments go to bin/client)
#
# Needs only a JDK 17 and Maven. State the node keeps across rebuilds lives in
# runtime/internet2/data/internet2 and is preserved when the distribution is replaced.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUNTIME="${INTERNET2_RUNTIME:-$ROOT/runtime}"
NODE="$RUNTIME/internet2"
DIST_DIR="$ROOT/karaf-distribution/target"
START_TIMEOUT="${INTERNET2_START_TIMEOUT:-180}"

die() { echo "deploy-internet2: $*" >&2; exit 1; }
say() { echo "deploy-internet2: $*"; }

find_jdk17() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-17-jdk-amd64 /usr/lib/jvm/*17*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] \
        && "$candidate/bin/java" -version 2>&1 | grep -q 'version "17'; then
      echo "$candidate"; return 0
    fi
  done
  if command -v java >/dev/null && java -version 2>&1 | grep -q 'version "17'; then
    dirname "$(dirname "$(readlink -f "$(command -v java)")")"; return 0
  fi
  return 1
}

JAVA_HOME="$(find_jdk17)" || die "JDK 17 not found (Karaf 4.4.10 runs on 17 only): install openjdk-17-jdk or set JAVA_HOME"
export JAVA_HOME

tarball() {
  local found
  for found in "$DIST_DIR"/internet2-distribution-*.tar.gz; do [ -f "$found" ] && echo "$found"; return 0; done
}

distribution_is_stale() {
  local tar; tar="$(tarball)"
  [ -z "$tar" ] && return 0
  [ -n "$(find "$ROOT/pom.xml" "$ROOT/bundles" "$ROOT/features" "$ROOT/karaf-distribution" "$ROOT/config" \
      -path '*/target' -prune -o -type f -newer "$tar" -print -quit)" ]
}

build() {
  command -v mvn >/dev/null || die "Maven not found: install maven"
  say "building the distribution (mvn install -DskipTests, karaf-distribution and what it needs)"
  (cd "$ROOT" && mvn -B -q -DskipTests install -pl karaf-distribution -am) || die "build failed"
}

http_port() {
  sed -n 's/^[[:space:]]*org\.osgi\.service\.http\.port[[:space:]]*=[[:space:]]*\([0-9]*\).*/\1/p' \
    "$NODE/etc/org.ops4j.pax.web.cfg" 2>/dev/null | head -1
}

health_url() { echo "http://[::1]:$(http_port)/health"; }

# GET /health; prints the body, fails if nothing answers. curl if present, else bash's /dev/tcp.
get_health() {
  if command -v curl >/dev/null; then
    curl -s -g --max-time 5 "$(health_url)"
  else
    exec 3<>"/dev/tcp/::1/$(http_port)" || return 1
    printf 'GET /health HTTP/1.0\r\nHost: [::1]\r\n\r\n' >&3
    sed '1,/^\r$/d' <&3; exec 3>&-
  fi
}

running_pid() {
  local pid
  pid="$(pgrep -f -- "-Dkaraf.base=$NODE " 2>/dev/null | head -1 || true)"
  [ -n "$pid" ] && echo "$pid"
}

unpack() {
  local tar; tar="$(tarball)"
  local keep=""
  if [ -d "$NODE/data/internet2" ]; then
    keep="$(mktemp -d)"; mv "$NODE/data/internet2" "$keep/"
  fi
  rm -rf "$NODE"; mkdir -p "$RUNTIME"
  local unpacked; unpacked="$(mktemp -d "$RUNTIME/unpack.XXXXXX")"
  tar xzf "$tar" -C "$unpacked"
  mv "$unpacked"/*/ "$NODE"; rmdir "$unpacked"
  if [ -n "$keep" ]; then mkdir -p "$NODE/data"; mv "$keep/internet2" "$NODE/data/"; rmdir "$keep"; fi
  cp "$tar" "$NODE/.unpacked-from"
  say "unpacked $(basename "$tar") into $NODE"
}

apply_profile() {
  local profile="$1"
  [ -d "$NODE/config/$profile" ] || die "unknown profile '$profile': choose one of $(ls "$NODE/config" | grep -v README | tr '\n' ' ')"
  local previous; previous="$(cat "$NODE/.profile" 2>/dev/null || true)"
  local file
  for file in "$NODE/config/$profile"/*; do
    # console users the operator added stay, unless the profile changes
    if [ "$(basename "$file")" = users.properties ] && [ "$previous" = "$profile" ]; then continue; fi
    cp "$file" "$NODE/etc/"
  done
  # production: nothing in etc/ may be readable by others (keys, users)
  chmod 600 "$NODE/etc/users.properties" "$NODE/etc/keys.properties" 2>/dev/null || true
  echo "$profile" > "$NODE/.profile"
}

cmd_start() {
  local profile="development"
  while [ $# -gt 0 ]; do
    case "$1" in
      --profile) [ $# -ge 2 ] || die "--profile needs a value"; profile="$2"; shift 2 ;;
      --profile=*) profile="${1#--profile=}"; shift ;;
      production|development) profile="$1"; shift ;;
      *) die "unknown option '$1' (start [--profile development|production])" ;;
    esac
  done
  if pid="$(running_pid)"; then die "already running (pid $pid); stop it first"; fi
  if distribution_is_stale; then build; fi
  if [ ! -d "$NODE" ] || [ "$(tarball)" -nt "$NODE/.unpacked-from" ] || ! cmp -s "$(tarball)" "$NODE/.unpacked-from"; then
    unpack
  fi
  apply_profile "$profile"
  say "starting with profile $profile"
  "$NODE/bin/start" >/dev/null
  local waited=0 seen=0
  until get_health >/dev/null 2>&1; do
    if [ "$waited" -ge "$START_TIMEOUT" ]; then
      die "node did not answer $(health_url) within ${START_TIMEOUT}s; see $NODE/data/log/karaf.log"
    fi
    # bin/start launches the JVM in the background: give it a moment to appear
    if running_pid >/dev/null; then seen=1
    elif [ "$seen" -eq 1 ] || [ "$waited" -ge 20 ]; then
      die "node exited during start; see $NODE/data/log/karaf.log"
    fi
    sleep 1; waited=$((waited + 1))
  done
  say "node is up after ${waited}s (pid $(running_pid))"
  say "  health:  $(health_url)"
  say "  console: ./deploy-internet2.sh client   (ssh [::1]:8101)"
  say "  log:     $NODE/data/log/karaf.log       (./deploy-internet2.sh logs)"
  say "  home:    $NODE (profile $profile)"
}

cmd_status() {
  local pid
  if ! pid="$(running_pid)"; then echo "stopped"; return 3; fi
  echo "running (pid $pid, profile $(cat "$NODE/.profile" 2>/dev/null || echo unknown), home $NODE)"
  get_health || { echo "but $(health_url) does not answer (yet)"; return 1; }
  echo
}

cmd_stop() {
  local pid
  if ! pid="$(running_pid)"; then say "not running"; return 0; fi
  "$NODE/bin/stop" >/dev/null 2>&1 || kill "$pid"
  local waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$waited" -ge 60 ]; then say "still running after 60s; killing pid $pid"; kill -9 "$pid"; fi
    sleep 1; waited=$((waited + 1))
  done
  say "stopped"
}

cmd_logs() {
  [ -f "$NODE/data/log/karaf.log" ] || die "no log yet: start the node first"
  exec tail -n 100 -F "$NODE/data/log/karaf.log"
}

cmd_client() {
  running_pid >/dev/null || die "not running: ./deploy-internet2.sh start"
  if [ "$(cat "$NODE/.profile" 2>/dev/null)" = "development" ] && [ $# -eq 0 ]; then
    exec "$NODE/bin/client" -u karaf -p karaf
  fi
  exec "$NODE/bin/client" "$@"
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  status) cmd_status ;;
  stop) cmd_stop ;;
  logs) cmd_logs ;;
  client) shift; cmd_client "$@" ;;
  *) echo "usage: $0 start [--profile development|production] | status | stop | logs | client" >&2; exit 2 ;;
esac
