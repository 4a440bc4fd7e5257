#!/usr/bin/env bash
# Bursts of messages with quiet gaps, against a bare `java -jar` (the JVM's defaults): what returning memory after
# a burst costs in CPU, and what the process holds at the end of each burst and after each gap.
#
#   docs/benchmarks/bursts.sh                                   # this build, with and without QuietMemoryReturn
#   VARIANTS="on" BURSTS=5 GAP=30 docs/benchmarks/bursts.sh
#   JAR=/tmp/old/vagvisaren.jar VARIANTS="on" docs/benchmarks/bursts.sh   # an earlier build
#
# Each variant: one start (local no-auth mode, a fresh H2 file database), WARMUP messages to warm the JIT, a
# quiet gap, then BURSTS bursts of MESSAGES Teams messages (startup_messages.py: 4 in flight, fresh users per
# burst), each followed by GAP seconds without messages. Printed: per burst its wall time and the process's CPU
# (user + system from /proc), the RSS at its end and after the gap with the CPU the gap used; at the end the CPU per
# message over all bursts and gaps, and the CPU by thread group (gc = G1's and the GC worker threads).
# Variants: on = as shipped; off = -Dvagvisaren.jvm.return-memory-when-quiet=false.
# Everything listens on loopback ports chosen at random; every process started here is stopped here.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=${JAR:-$ROOT/target/vagvisaren.jar}
VARIANTS=${VARIANTS:-"off on"}
WARMUP=${WARMUP:-2000}
BURSTS=${BURSTS:-3}
MESSAGES=${MESSAGES:-1000}
GAP=${GAP:-30}
JAVA=${JAVA:-java}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vagvisaren-bursts.XXXXXX")
PID=""
cleanup() {
  [[ -n "$PID" ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  [[ -n "${KEEP_WORK:-}" ]] || rm -rf "$WORK"
}
trap cleanup EXIT
[[ -f "$JAR" ]] || (cd "$ROOT" && mvn -q -DskipTests package)
export VAGVISAREN_NLU_MODELCACHEDIR="$WORK/nlu-model-cache"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
rss() { awk '/VmRSS/ {printf "%d MB", $2/1024}' "/proc/$PID/status"; }
cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' "/proc/$PID/stat"; }
groups() { # CPU ms by thread group, from each thread's /proc stat
  for t in /proc/$PID/task/*; do
    local name; name=$(cat "$t/comm" 2>/dev/null) || continue
    local g=other
    case "$name" in GC*|G1*) g=gc ;; C1*|C2*) g=jit ;; http-nio*) g=http ;; esac
    awk -v g="$g" -v hz="$(getconf CLK_TCK)" '{printf "%s %d\n", g, ($14 + $15) * 1000 / hz}' "$t/stat" 2>/dev/null
  done | awk '{a[$1]+=$2} END {for (k in a) printf "%s %d ms  ", k, a[k]}'
}
send() { # user-prefix count
  USER_PREFIX=$1 python3 "$ROOT/docs/benchmarks/startup_messages.py" "$PORT" "$2" 4 600
}

echo "java $("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.version = //p'), $(nproc) cores, $JAR"
for variant in $VARIANTS; do
  options=()
  [[ "$variant" == off ]] && options=(-Dvagvisaren.jvm.return-memory-when-quiet=false)
  PORT=$(free_port)
  # VAGVISAREN_JVM_SHIPPEDOPTIONS=false: the JVM's defaults (G1), where the memory return works; a bare start would
  # otherwise relaunch itself with deployment/jvm.options (SerialGC, system.ShippedJvmOptions).
  (cd "$ROOT" && VAGVISAREN_JVM_SHIPPEDOPTIONS=false VAGVISAREN_DB_URL="jdbc:h2:file:$WORK/db-$variant;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
     exec "$JAVA" "${options[@]}" -jar "$JAR" --server.port="$PORT" >"$WORK/$variant.log" 2>&1) &
  PID=$!
  give_up=$(( $(date +%s) + 300 ))
  until curl -sf -m 10 "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$PID" 2>/dev/null || (( $(date +%s) > give_up )); then echo "$variant did not start, see $WORK/$variant.log"; KEEP_WORK=1; exit 1; fi
    sleep 0.2
  done
  send "$variant-warmup" "$WARMUP" >/dev/null
  sleep "$GAP"
  echo "$variant: after $WARMUP warm-up messages and $GAP s: RSS $(rss); $(groups)"
  before_groups=$(groups); first=$(cpu)
  for burst in $(seq 1 "$BURSTS"); do
    start=$(cpu)
    result=$(send "$variant-burst$burst" "$MESSAGES")
    end=$(cpu)
    echo "$variant burst $burst: $result CPU $((end - start)) ms, RSS at its end $(rss), load $(cut -d' ' -f1 /proc/loadavg)"
    sleep "$GAP"
    echo "$variant   $GAP s later: RSS $(rss), CPU in the gap $(( $(cpu) - end )) ms"
  done
  last=$(cpu)
  awk -v c=$((last - first)) -v n=$((BURSTS * MESSAGES)) -v v="$variant" -v g="$GAP" -v b="$BURSTS" \
    'BEGIN { printf "%s: CPU per message %.2f ms (%d ms for %d messages and %d gaps of %d s)\n", v, c / n, c, n, b, g }'
  echo "$variant: thread groups before the bursts: $before_groups"
  echo "$variant: thread groups after them:        $(groups)"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
done
