#!/usr/bin/env bash
# scripts/neo4j.sh — a real Neo4j Community server for tests and for users without one.
#
# Our machines have no Docker and no Neo4j package, but they reach Maven Central and have Java 17.
# Maven Central carries the Neo4j jars (not the server tarball), so this script fetches the runtime
# dependencies of org.neo4j:neo4j with `mvn` (scripts/neo4j/pom.xml), caches them under
# ~/.cache/fupin/neo4j/<version>/lib, and runs org.neo4j.server.CommunityEntryPoint from that
# classpath on 127.0.0.1 with Bolt only and password auth. See scripts/neo4j/README.md for what was
# verified and measured.
#
# Usage: bash scripts/neo4j.sh start|stop|restart|status|reset|fetch
#   start    fetch jars if needed, set the initial password, start in background, wait for Bolt
#   stop     SIGTERM and wait for a clean shutdown
#   status   print running/stopped and the Bolt URI (exit 0 when running, 3 when stopped)
#   reset    stop and wipe the database files (keeps the jar cache)
#   fetch    only download the jars
# Environment (all optional):
#   NEO4J_VERSION (5.26.30)  NEO4J_BOLT_PORT (7687)  NEO4J_PASSWORD (fupin-test-pw; user is neo4j)
#   FUPIN_NEO4J_HOME (~/.cache/fupin/neo4j/home)  FUPIN_NEO4J_CACHE (~/.cache/fupin/neo4j)
#   FUPIN_JAVA (/usr/lib/jvm/java-17-openjdk-amd64/bin/java)  NEO4J_HEAP (1g)  NEO4J_PAGECACHE (512m)
#   NEO4J_START_TIMEOUT (180 seconds; first starts took up to 77 s on a loaded 2-core machine)
set -euo pipefail

readonly SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
readonly VERSION="${NEO4J_VERSION:-5.26.30}"
readonly CACHE="${FUPIN_NEO4J_CACHE:-$HOME/.cache/fupin/neo4j}"
readonly LIB="$CACHE/$VERSION/lib"
readonly NHOME="${FUPIN_NEO4J_HOME:-$CACHE/home}"
readonly PORT="${NEO4J_BOLT_PORT:-7687}"
readonly PASSWORD="${NEO4J_PASSWORD:-fupin-test-pw}"
# 5.26 is the last Neo4j line that runs on Java 17; the machine's other JDK (25) is not supported by 5.26.
readonly JAVA="${FUPIN_JAVA:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}"
readonly HEAP="${NEO4J_HEAP:-1g}"
readonly PAGECACHE="${NEO4J_PAGECACHE:-512m}"
readonly TIMEOUT="${NEO4J_START_TIMEOUT:-180}"
readonly URI="bolt://127.0.0.1:$PORT"
readonly PIDFILE="$NHOME/run/fupin-neo4j.pid"
readonly CONSOLE_LOG="$NHOME/logs/console.log"
readonly NEO4J_LOG="$NHOME/logs/neo4j.log"
readonly MARKER="$NHOME/.fupin-neo4j-home"

log() { printf 'neo4j.sh: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

# Serialise start/stop/reset: several test runs may share one machine and one home directory.
with_lock() {
  mkdir -p "$CACHE"
  exec 9>"$CACHE/.lock"
  flock -w 300 9 || die "could not take $CACHE/.lock within 300 s"
}

# Prints the pid if the pid file names a live CommunityEntryPoint for this home; nothing otherwise.
running_pid() {
  [[ -f "$PIDFILE" ]] || return 0
  local pid
  pid="$(cat "$PIDFILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  if [[ -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "CommunityEntryPoint --home-dir=$NHOME"; then
    printf '%s\n' "$pid"
  fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

fetch() {
  if [[ -f "$LIB/.complete" ]]; then return 0; fi
  command -v mvn >/dev/null || die "fetch: mvn not found; expected Apache Maven on PATH (apt-get install maven)"
  log "fetching Neo4j $VERSION jars from Maven Central into $LIB"
  local tmp="$CACHE/$VERSION/lib.tmp.$$" start=$SECONDS
  rm -rf "$tmp"
  mkdir -p "$tmp"
  # JAVA_HOME pins mvn to Java 17 too (the jars are only copied, but keep one JDK in play).
  if ! JAVA_HOME="$(dirname "$(dirname "$JAVA")")" mvn -B -q -Dstyle.color=never -f "$SCRIPT_DIR/neo4j/pom.xml" \
    dependency:copy-dependencies -Dneo4j.version="$VERSION" -DincludeScope=runtime -DoutputDirectory="$tmp" >&2; then
    rm -rf "$tmp"
    die "fetch: mvn could not fetch org.neo4j:neo4j:$VERSION; expected Maven Central to be reachable"
  fi
  compgen -G "$tmp/neo4j-$VERSION.jar" >/dev/null || die "fetch: neo4j-$VERSION.jar missing after mvn; expected it in $tmp"
  touch "$tmp/.complete"
  rm -rf "$LIB"
  mv "$tmp" "$LIB"
  log "fetched $(ls "$LIB" | wc -l) jars ($(du -sh "$LIB" | cut -f1)) in $((SECONDS - start)) s"
}

write_conf() {
  mkdir -p "$NHOME/conf" "$NHOME/logs" "$NHOME/run" "$NHOME/data"
  touch "$MARKER"
  # Rewritten on every start so port and memory changes take effect. Heap is a JVM flag (below): only
  # the bin/neo4j launcher, which we do not use, reads server.memory.heap.* from this file.
  cat >"$NHOME/conf/neo4j.conf" <<EOF
# Written by scripts/neo4j.sh on every start; edits are overwritten.
server.default_listen_address=127.0.0.1
server.bolt.listen_address=127.0.0.1:$PORT
server.bolt.advertised_address=127.0.0.1:$PORT
server.http.enabled=false
server.https.enabled=false
dbms.security.auth_enabled=true
server.memory.pagecache.size=$PAGECACHE
dbms.usage_report.enabled=false
# Cypher from users runs read-only, but read-only sessions may still LOAD CSV: no file:/// URLs.
dbms.security.allow_csv_import_from_file_urls=false
# Keep transaction logs small: this server holds test and benchmark data, not production data.
db.tx_log.rotation.retention_policy=2 files
EOF
}

# The password is set with neo4j-admin's set-initial-password (org.neo4j.cli.AdminTool in
# neo4j-command-line.jar; the command itself lives in neo4j-security.jar) before the first start.
# A fingerprint remembers which password the stored database has, so a changed NEO4J_PASSWORD is
# reported instead of failing later with "unauthorized".
set_password() {
  local want have fp="$NHOME/run/password.sha256"
  want="$(printf '%s' "$PASSWORD" | sha256sum | cut -d' ' -f1)"
  if [[ -d "$NHOME/data/databases/system" ]]; then
    have="$(cat "$fp" 2>/dev/null || true)"
    if [[ -n "$have" && "$have" != "$want" ]]; then
      die "start: the database in $NHOME was created with another NEO4J_PASSWORD; expected the same one (or run: bash scripts/neo4j.sh reset)"
    fi
    return 0
  fi
  ((${#PASSWORD} >= 8)) || die "start: NEO4J_PASSWORD is ${#PASSWORD} characters; expected at least 8 (Neo4j's minimum)"
  rm -f "$NHOME/data/dbms/auth.ini"
  NEO4J_HOME="$NHOME" NEO4J_CONF="$NHOME/conf" "$JAVA" -cp "$LIB/*" org.neo4j.cli.AdminTool \
    dbms set-initial-password "$PASSWORD" >>"$CONSOLE_LOG" 2>&1 9>&- ||
    die "start: neo4j-admin set-initial-password failed; see $CONSOLE_LOG"
  printf '%s\n' "$want" >"$fp"
}

# Waits for the Bolt port, then for a real authenticated Bolt handshake (scripts/neo4j/wait.mjs uses
# neo4j-driver's verifyConnectivity). Returns 0 when ready, 1 on timeout or early exit, 2 on bad auth.
wait_ready() {
  local pid="$1" deadline=$((SECONDS + TIMEOUT))
  while ! port_open; do
    kill -0 "$pid" 2>/dev/null || return 1
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
  if [[ -d "$REPO_ROOT/scripts/node_modules/neo4j-driver" ]] && command -v node >/dev/null; then
    local left=$((deadline - SECONDS))
    ((left > 5)) || left=5
    (cd "$REPO_ROOT" && NEO4J_URI="$URI" NEO4J_USER=neo4j NEO4J_PASSWORD="$PASSWORD" \
      node scripts/neo4j/wait.mjs --timeout "$left") || return $?
  else
    log "neo4j-driver not installed yet (run pnpm install); checked the Bolt port only"
  fi
}

fail_start() {
  log "$1"
  log "last lines of $NEO4J_LOG:"
  tail -n 30 "$NEO4J_LOG" 2>/dev/null >&2 || true
  log "last lines of $CONSOLE_LOG:"
  tail -n 30 "$CONSOLE_LOG" 2>/dev/null >&2 || true
  log "full logs: $NHOME/logs/{neo4j,debug,console}.log"
  exit 1
}

start() {
  with_lock
  local pid
  pid="$(running_pid)"
  if [[ -n "$pid" ]]; then
    log "already running (pid $pid) at $URI"
    return 0
  fi
  [[ -x "$JAVA" ]] || die "start: $JAVA not found; expected a Java 17 binary (apt-get install openjdk-17-jre-headless, or set FUPIN_JAVA)"
  if port_open; then
    die "start: port $PORT is already in use by another process; expected it free (set NEO4J_BOLT_PORT, or use that server via NEO4J_URI)"
  fi
  fetch
  write_conf
  set_password
  # A fresh start is nobody's test server until a test run says so (scripts/test/neo4j-global-setup.ts).
  rm -f "$NHOME/run/started-by-tests"
  local start=$SECONDS
  # Flags: 5.26's default server.jvm.additional. The --add-opens are mandatory (without them
  # CommunityEntryPoint dies with "LinkageError: Cannot to link java.nio.DirectByteBuffer").
  nohup "$JAVA" -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow \
    -XX:+UnlockExperimentalVMOptions -XX:+TrustFinalNonStaticFields -XX:+DisableExplicitGC \
    -XX:+ExitOnOutOfMemoryError -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true \
    -Dfile.encoding=UTF-8 -Dlog4j2.disable.jmx=true \
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --enable-native-access=ALL-UNNAMED \
    -cp "$LIB/*" org.neo4j.server.CommunityEntryPoint --home-dir="$NHOME" --config-dir="$NHOME/conf" \
    >>"$CONSOLE_LOG" 2>&1 </dev/null 9>&- &
  pid=$!
  printf '%s\n' "$pid" >"$PIDFILE"
  log "starting Neo4j $VERSION (pid $pid), waiting up to $TIMEOUT s for $URI"
  local rc=0
  wait_ready "$pid" || rc=$?
  if ((rc != 0)); then
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      stop_pid "$pid"
    fi
    rm -f "$PIDFILE"
    if ((rc == 2)); then
      fail_start "start: Bolt refused user neo4j with NEO4J_PASSWORD; expected the password set at first start (run: bash scripts/neo4j.sh reset)"
    fi
    fail_start "start: Neo4j did not answer on $URI within $TIMEOUT s (or exited)"
  fi
  log "running (pid $pid) at $URI, user neo4j; ready in $((SECONDS - start)) s; logs in $NHOME/logs"
}

# Waits up to 60 s for a SIGTERMed pid to exit, then SIGKILLs it.
stop_pid() {
  local pid="$1" i
  for ((i = 0; i < 600; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  log "stop: pid $pid ignored SIGTERM for 60 s; sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
}

stop() {
  with_lock
  local pid
  pid="$(running_pid)"
  if [[ -z "$pid" ]]; then
    rm -f "$PIDFILE"
    log "not running"
    return 0
  fi
  local start=$SECONDS
  kill -TERM "$pid"
  stop_pid "$pid"
  rm -f "$PIDFILE"
  log "stopped (pid $pid) in $((SECONDS - start)) s"
}

status() {
  local pid
  pid="$(running_pid)"
  if [[ -n "$pid" ]]; then
    printf 'running pid=%s uri=%s user=neo4j home=%s version=%s\n' "$pid" "$URI" "$NHOME" "$VERSION"
  else
    printf 'stopped uri=%s home=%s version=%s\n' "$URI" "$NHOME" "$VERSION"
    return 3
  fi
}

reset() {
  stop
  # Only wipe a directory this script created (guards against FUPIN_NEO4J_HOME=$HOME mistakes).
  if [[ -f "$MARKER" ]]; then
    rm -rf "$NHOME/data" "$NHOME/logs" "$NHOME/run"
    log "wiped database files in $NHOME"
  else
    log "nothing to wipe in $NHOME"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart) stop && start ;;
  status) status ;;
  reset) reset ;;
  fetch) with_lock && fetch ;;
  *)
    echo "usage: bash scripts/neo4j.sh start|stop|restart|status|reset|fetch" >&2
    exit 64
    ;;
esac
