#!/usr/bin/env bash
# Writes src/main/resources/META-INF/vagvisaren/start-classes.txt: the classes the main thread of a bare start loads
# from the jar after SpringApplication starts, in the order it loads them (system.StartClassPreload loads them ahead
# of the main thread). Run it after a dependency upgrade or a large change of the beans, then rebuild the jar:
#
#   docs/benchmarks/start-classes.sh            # builds target/vagvisaren.jar when missing
#
# One start, in local no-auth mode with a temporary H2 database and model cache, until /actuator/health is UP, with
# the preload switched off (so that the main thread loads every class itself) and -Xlog:class+load.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAVA=${JAVA:-java}
OUT="$ROOT/src/main/resources/META-INF/vagvisaren/start-classes.txt"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vagvisaren-classes.XXXXXX")
PID=
cleanup() { [[ -n "$PID" ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

[[ -f "$ROOT/target/vagvisaren.jar" ]] || (cd "$ROOT" && mvn -q -DskipTests package)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
run() {
  (cd "$ROOT" && VAGVISAREN_DB_URL="jdbc:h2:file:$WORK/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
     VAGVISAREN_NLU_MODELCACHEDIR="$WORK/cache" exec "$JAVA" -Dvagvisaren.jvm.preload-classes=false "$@" \
     -jar "$ROOT/target/vagvisaren.jar" --server.port="$port" >"$WORK/start.log" 2>&1) &
  PID=$!
  until curl -sf -m 10 "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/start.log" >&2; exit 1; }
    sleep 0.2
  done
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
}
run   # first start: migrates the database and trains the model cache, as a user's first start does
run "-Xlog:class+load=info:file=$WORK/classes.txt:tid"
# The main thread is the thread that loads the application's main class; keep what it loaded from the jar
# (not JDK classes, not generated ones: lambdas, proxies, CGLIB) from SpringApplication on.
main=$(grep -m1 ' se\.vagvisaren\.VagvisarenApplication ' "$WORK/classes.txt" | sed 's/^\[\([0-9]*\)\].*/\1/')
{
  echo "# Classes the main thread of a bare start loads from the jar, in order (docs/benchmarks/start-classes.sh,"
  echo "# $(date -u +%Y-%m-%d); read by se.vagvisaren.system.StartClassPreload)."
  awk -v tid="[$main]" 'index($0, tid) == 1 && / source: jar:nested:/ && $2 !~ /\$\$|\/0x/ { print $2 }' "$WORK/classes.txt" \
    | awk 'found || $0 == "org.springframework.boot.SpringApplication" { found = 1; if (!seen[$0]++) print }'
} >"$OUT"
echo "$(grep -vc '^#' "$OUT") classes written to $OUT"
