#!/usr/bin/env bash
# Runs one Internet 2.0 node from this checkout.
#
#   ./deploy-internet2.sh start [--profile development|production] [--config FILE.toml]
#   ./deploy-internet2.sh start --config config/production.toml production   (the seed's form)
#       builds the distribution if it is missing or older than the sources,
#       unpacks it under runtime/internet2, applies the profile (config/<profile>/*
#       copied over etc/), starts Karaf in the background and waits until GET /health
#       answers. With --config, the TOML file (the seed's format; every key in
#       config/README.md, "TOML configuration") is first validated and mapped by the
#       node's own mapping (bundle management-config-toml, its main class run with
#       java -cp over the node's system/ jars): a bad value refuses the start, naming
#       the key, with exit status 1 and nothing changed; unknown keys are printed as
#       warnings. The PIDs it sets are then merged into etc/<pid>.cfg, over the
#       profile's files. Each start rebuilds those files from the profile (and the
#       TOML given, if any): changes made at run time to them do not survive a start
#       through this script (internet2:config-export saves them as TOML).
#   ./deploy-internet2.sh status     is it running, and what /health says
#   ./deploy-internet2.sh stop       stops the node and waits for it to exit
#   ./deploy-internet2.sh logs       follows the node's log, logs/server.log
#   ./deploy-internet2.sh client     opens the Karaf console (extra arguments go to bin/client)
#
# Logs: logs/server.log in this checkout (the seed's path) is a symbolic link, made
# by start, to the node's Karaf log runtime/internet2/data/log/karaf.log; it stays
# valid across log rotation (INTERNET2_LOGS moves the logs/ folder).
#
# Ports below 1024 (production: STOQ on UDP 443, DNS on 53) need root, the
# CAP_NET_BIND_SERVICE capability on the JVM, or a lower
# net.ipv4.ip_unprivileged_port_start; start warns when none seems to hold.
#
# Environment: INTERNET2_RUNTIME (default runtime/) where the node is unpacked;
# INTERNET2_DISTRIBUTION=<file.tar.gz> deploys that distribution as it is, never
# building; INTERNET2_LOGS (default logs/); INTERNET2_START_TIMEOUT (seconds, 180).
#
# Needs only a JDK 17 and Maven. State the node keeps across rebuilds lives in
# runtime/internet2/data/internet2 and is preserved when the distribution is replaced.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUNTIME="${INTERNET2_RUNTIME:-$ROOT/runtime}"
NODE="$RUNTIME/internet2"
DIST_DIR="$ROOT/karaf-distribution/target"
START_TIMEOUT="${INTERNET2_START_TIMEOUT:-180}"
LOGS="${INTERNET2_LOGS:-$ROOT/logs}"
SERVER_LOG="$LOGS/server.log"
TOML_MAIN="network.internet2.management.config.toml.internal.Main"

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
  if [ -n "${INTERNET2_DISTRIBUTION:-}" ]; then echo "$INTERNET2_DISTRIBUTION"; return 0; fi
  for found in "$DIST_DIR"/internet2-distribution-*.tar.gz; do [ -f "$found" ] && echo "$found"; return 0; done
}

distribution_is_stale() {
  if [ -n "${INTERNET2_DISTRIBUTION:-}" ]; then
    [ -f "$INTERNET2_DISTRIBUTION" ] || die "INTERNET2_DISTRIBUTION: no such file: $INTERNET2_DISTRIBUTION"
    return 1
  fi
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

# GET /health; prints the body, fails unless the node's health servlet answers (200 or 503).
# curl if present, else bash's /dev/tcp.
get_health() {
  if command -v curl >/dev/null; then
    local out code
    out="$(curl -s -g --max-time 5 -w '\n%{http_code}' "$(health_url)")" || return 1
    code="${out##*$'\n'}"
    printf '%s\n' "${out%$'\n'*}"
    [ "$code" = 200 ] || [ "$code" = 503 ]
  else
    exec 3<>"/dev/tcp/::1/$(http_port)" || return 1
    printf 'GET /health HTTP/1.0\r\nHost: [::1]\r\n\r\n' >&3
    sed '1,/^\r$/d' <&3; exec 3>&-
  fi
}

# Whether anything at all listens on the node's HTTP port (another node, before this one starts).
http_port_taken() {
  (exec 3<>"/dev/tcp/::1/$(http_port)") 2>/dev/null
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

check_profile() {
  [ -d "$NODE/config/$1" ] || die "unknown profile '$1': choose one of $(find "$NODE/config" -mindepth 1 -maxdepth 1 -type d -printf '%f ')"
}

apply_profile() {
  local profile="$1"
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

# The newest version of one artifact in the node's system/ folder (a Maven layout).
system_jar() {
  local dir="$NODE/system/$1" name; name="$(basename "$1")"
  find "$dir" -mindepth 2 -maxdepth 2 -name "$name-*.jar" 2>/dev/null | sort -V | tail -1
}

# Runs the node's TOML mapping (Main of management-config-toml) outside the node.
toml_mapping() {
  local cp="" jar artifact
  for artifact in network/internet2/management-config-toml com/fasterxml/jackson/core/jackson-core \
      com/fasterxml/jackson/core/jackson-databind com/fasterxml/jackson/core/jackson-annotations; do
    jar="$(system_jar "$artifact")"
    [ -n "$jar" ] || die "$(basename "$artifact") is not in $NODE/system: this distribution has no TOML mapping; rebuild it"
    cp="$cp${cp:+:}$jar"
  done
  "$JAVA_HOME/bin/java" -cp "$cp" "$TOML_MAIN" "$@"
}

# Files the last --config created in etc/ (not the profile's): removed before the next start applies its own.
forget_toml_files() {
  local file
  if [ -f "$NODE/.toml-created" ]; then
    while IFS= read -r file; do
      case "$file" in "$NODE/etc/"*.cfg) rm -f -- "$file" ;; esac
    done < "$NODE/.toml-created"
  fi
  rm -f "$NODE/.toml-created" "$NODE/.config-toml"
}

apply_toml() {
  local toml="$1" out
  out="$(toml_mapping apply "$toml" "$NODE/etc")" || die "could not write the configuration of $toml into $NODE/etc"
  printf '%s\n' "$out" | sed -n 's/^\(created\|updated\) \(.*\)/deploy-internet2:   \1 \2/p'
  printf '%s\n' "$out" | sed -n 's/^created //p' > "$NODE/.toml-created"
  echo "$toml" > "$NODE/.config-toml"
}

# A port below net.ipv4.ip_unprivileged_port_start cannot be bound by an ordinary user.
warn_privileged_ports() {
  [ "$(id -u)" -eq 0 ] && return 0
  local first file port
  first="$(cat /proc/sys/net/ipv4/ip_unprivileged_port_start 2>/dev/null || echo 1024)"
  for file in "$NODE/etc/network.internet2.stoq.transport.cfg" "$NODE/etc/network.internet2.trustchain.dns.server.cfg"; do
    port="$(sed -n 's/^[[:space:]]*port[[:space:]]*[=:][[:space:]]*\([0-9]*\).*/\1/p' "$file" 2>/dev/null | tail -1)"
    if [ -n "$port" ] && [ "$port" -lt "$first" ]; then
      say "warning: $(basename "$file" .cfg) listens on port $port, below $first: as $(id -un) that fails unless" \
          "$JAVA_HOME/bin/java has CAP_NET_BIND_SERVICE (setcap cap_net_bind_service=+ep) or" \
          "sysctl net.ipv4.ip_unprivileged_port_start=$port; the rest of the node starts either way"
    fi
  done
}

link_server_log() {
  mkdir -p "$LOGS"
  ln -sfn "$NODE/data/log/karaf.log" "$SERVER_LOG"
}

cmd_start() {
  local profile="development" config=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --profile) [ $# -ge 2 ] || die "--profile needs a value"; profile="$2"; shift 2 ;;
      --profile=*) profile="${1#--profile=}"; shift ;;
      --config) [ $# -ge 2 ] || die "--config needs a TOML file"; config="$2"; shift 2 ;;
      --config=*) config="${1#--config=}"; shift ;;
      production|development) profile="$1"; shift ;;
      *) die "unknown option '$1' (start [--profile development|production] [--config FILE.toml])" ;;
    esac
  done
  if [ -n "$config" ]; then
    [ -f "$config" ] || die "no such configuration file: $config"
    config="$(cd "$(dirname "$config")" && pwd)/$(basename "$config")"
  fi
  if pid="$(running_pid)"; then die "already running (pid $pid); stop it first"; fi
  if distribution_is_stale; then build; fi
  if [ ! -d "$NODE" ] || [ "$(tarball)" -nt "$NODE/.unpacked-from" ] || ! cmp -s "$(tarball)" "$NODE/.unpacked-from"; then
    unpack
  fi
  check_profile "$profile"
  if [ -n "$config" ]; then
    say "checking $config"
    # checked against the profile's files too: the listeners' ports and addresses it sets must not clash
    toml_mapping check "$config" "$NODE/config/$profile" \
      || { echo "deploy-internet2: start refused: $config has values the node cannot take (above); nothing was changed" >&2; exit 1; }
  fi
  forget_toml_files
  apply_profile "$profile"
  if [ -n "$config" ]; then
    say "writing the PIDs $(basename "$config") sets, over the $profile profile:"
    apply_toml "$config"
  fi
  warn_privileged_ports
  link_server_log
  if http_port_taken; then
    die "port $(http_port) on [::1] is already taken (another node, not $NODE?): stop it first or change org.osgi.service.http.port"
  fi
  say "starting with profile $profile${config:+ and $config}"
  "$NODE/bin/start" >/dev/null
  local waited=0 seen=0
  until get_health >/dev/null 2>&1 && running_pid >/dev/null; do
    if [ "$waited" -ge "$START_TIMEOUT" ]; then
      die "node did not answer $(health_url) within ${START_TIMEOUT}s; see $SERVER_LOG"
    fi
    # bin/start launches the JVM in the background: give it a moment to appear
    if running_pid >/dev/null; then seen=1
    elif [ "$seen" -eq 1 ] || [ "$waited" -ge 20 ]; then
      die "node exited during start; see $SERVER_LOG"
    fi
    sleep 1; waited=$((waited + 1))
  done
  say "node is up after ${waited}s (pid $(running_pid))"
  say "  health:  $(health_url)"
  say "  console: ./deploy-internet2.sh client   (ssh [::1]:$(sed -n 's/^[[:space:]]*sshPort[[:space:]]*=[[:space:]]*\([0-9]*\).*/\1/p' "$NODE/etc/org.apache.karaf.shell.cfg" | head -1))"
  say "  log:     $SERVER_LOG -> $NODE/data/log/karaf.log   (./deploy-internet2.sh logs)"
  say "  home:    $NODE (profile $profile${config:+, configuration $config})"
}

cmd_status() {
  local pid
  if ! pid="$(running_pid)"; then echo "stopped"; return 3; fi
  local toml; toml="$(cat "$NODE/.config-toml" 2>/dev/null || true)"
  echo "running (pid $pid, profile $(cat "$NODE/.profile" 2>/dev/null || echo unknown)${toml:+, configuration $toml}, home $NODE)"
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
  [ "$(readlink "$SERVER_LOG" 2>/dev/null)" = "$NODE/data/log/karaf.log" ] || link_server_log
  exec tail -n 100 -F "$SERVER_LOG"
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
  *) echo "usage: $0 start [--profile development|production] [--config FILE.toml] | status | stop | logs | client" >&2; exit 2 ;;
esac
