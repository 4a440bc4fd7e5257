#!/usr/bin/env bash
# Start-up race: Vägvisaren's packaged jar against a hello-world Spring Boot web app (web + actuator, the same
# Spring Boot and Java versions), started alternately, each timed from launch until /actuator/health says UP.
# Then the bot gets 1,000 Teams messages and its resident memory (VmRSS in /proc) is read, right after the last
# reply and again QUIET_SECONDS later.
#
#   docs/benchmarks/startup.sh                 # build what is missing, 5 alternating rounds, 1,000 messages
#   ROUNDS=3 MESSAGES=200 docs/benchmarks/startup.sh
#   BUILD=always docs/benchmarks/startup.sh     # rebuild target/vagvisaren.jar first
#   BASELINE_JAR=/tmp/old/vagvisaren.jar docs/benchmarks/startup.sh   # also race an earlier build (before/after)
#   QUIET_SECONDS=60 docs/benchmarks/startup.sh # read the RSS again this long after the last message (default 30)
#   FRESH_DB=1 docs/benchmarks/startup.sh       # every start on a new, empty database (all migrations run each time)
#   VARIANTS="hello bot-plain" MESSAGES=0 ROUNDS=3 docs/benchmarks/startup.sh   # only these variants, no messages
#   EXTRA="bot-c2=-Dvagvisaren.jvm.client-compiler-only=false -jar target/vagvisaren.jar" docs/benchmarks/startup.sh
#                                               # one more variant (name=java arguments; several separated by |)
#
# Variants, all in local no-auth mode with an embedded H2 file database in the temporary work folder. Each variant
# has its own database, created (and migrated) by its unmeasured first start; the measured starts reuse it, as a
# user's restart finds its ./data database (Flyway then has nothing to apply). FRESH_DB=1 gives each start a new
# empty database instead (the behaviour before 2026-12-05 session 9: every measured start ran all migrations).
#   bot        java @deployment/jvm.options -jar target/vagvisaren.jar          (as the docs tell a user to start it)
#   bot-plain  java -jar target/vagvisaren.jar                                   (as a user types it: since session 12
#              the process relaunches itself with the options file's options, system.ShippedJvmOptions)
#   bot-defaults java -XX:+UseG1GC -jar target/vagvisaren.jar                   (the JVM's defaults: one option, equal to
#              the default, so no relaunch; the in-process measures of a bare start, as bot-plain was until session 12)
#   bot-cds    the same from the extracted jar with a class-data archive      (the container image's path:
#              AppCDS on Java 17-24, -XX:AOTCache on Java 25+, whichever the running java supports)
#   hello      java -jar hello-world.jar
#   hello-cds  the same with its own archive (so the comparison stays like for like)
#   base-plain java -jar $BASELINE_JAR, only when BASELINE_JAR is set: an earlier build in the same rounds
# The NLU model cache lives in the work folder: the first (unmeasured) start of each variant trains and
# caches, the measured starts load it, as every start after the first does for a user.
# Everything listens on loopback ports chosen at random; every process started here is stopped here.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ROUNDS=${ROUNDS:-5}
MESSAGES=${MESSAGES:-1000}
QUIET_SECONDS=${QUIET_SECONDS:-30}
BUILD=${BUILD:-missing}
START_TIMEOUT=${START_TIMEOUT:-300}
FRESH_DB=${FRESH_DB:-}
SELECTED=${VARIANTS:-}  # read before VARIANTS becomes the list of all variants below
JAVA=${JAVA:-java}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vagvisaren-startup.XXXXXX")
PIDS=()

cleanup() {
  for pid in "${PIDS[@]:-}"; do
    [[ -n "$pid" ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  [[ -n "${KEEP_WORK:-}" ]] || rm -rf "$WORK"
}
trap cleanup EXIT

java_feature() { "$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

FEATURE=$(java_feature)
BOOT_VERSION=$(sed -n '/<parent>/,/<\/parent>/s/.*<version>\(.*\)<\/version>.*/\1/p' "$ROOT/pom.xml" | head -1)
JAVA_RELEASE=$(sed -n 's/.*<java.version>\(.*\)<\/java.version>.*/\1/p' "$ROOT/pom.xml" | head -1)
echo "java $FEATURE, Spring Boot $BOOT_VERSION, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)," \
     "database: $([[ -n "$FRESH_DB" ]] && echo "fresh for every start (FRESH_DB=1)" || echo "one per variant, migrated by its first start")"

# 1. The jars.
if [[ "$BUILD" == always || ! -f "$ROOT/target/vagvisaren.jar" ]]; then
  (cd "$ROOT" && mvn -q -DskipTests package)
fi
cp -r "$ROOT/docs/benchmarks/hello-world" "$WORK/hello-src"
sed -i "0,/<version>[^<]*<\/version>/s//<version>$BOOT_VERSION<\/version>/; s/<java.version>[^<]*</<java.version>$JAVA_RELEASE</" \
  "$WORK/hello-src/pom.xml"
(cd "$WORK/hello-src" && mvn -q -o -DskipTests package 2>/dev/null || mvn -q -DskipTests package)

# 2. The container image's start path: extracted jar (+ lib/) and a class-data archive made by one training start
#    that stops after the application context is refreshed (Spring's spring.context.exit=onRefresh).
extract() { # name jar
  "$JAVA" -Djarmode=tools -jar "$2" extract --destination "$WORK/$1" >/dev/null
}
archive_options() { # folder jarname -> options that use the archive
  if (( FEATURE >= 25 )); then echo "-XX:AOTCache=$WORK/$1/app.aot"; else echo "-XX:SharedArchiveFile=$WORK/$1/app.jsa -Xshare:auto"; fi
}
train_archive() { # folder jarname extra-options...
  local folder=$1 jar=$2; shift 2
  local record
  if (( FEATURE >= 25 )); then record="-XX:AOTCacheOutput=$WORK/$folder/app.aot"; else record="-XX:ArchiveClassesAtExit=$WORK/$folder/app.jsa"; fi
  (cd "$WORK/run" && VAGVISAREN_DB_URL="jdbc:h2:mem:archive" "$JAVA" "$@" $record -Dspring.context.exit=onRefresh \
     -jar "$WORK/$folder/$jar" --server.port=0 >"$WORK/$folder-archive.log" 2>&1) \
    || { echo "archive training of $folder failed, see $WORK/$folder-archive.log"; KEEP_WORK=1; exit 1; }
}

mkdir -p "$WORK/run"
BOT_OPTS=(@"$ROOT/deployment/jvm.options")
export VAGVISAREN_NLU_MODELCACHEDIR="$WORK/nlu-model-cache"
if [[ -z "$SELECTED" || " $SELECTED " == *-cds* ]]; then
  extract bot-app "$ROOT/target/vagvisaren.jar"
  extract hello-app "$WORK/hello-src/target/hello-world.jar"
  VAGVISAREN_NLU_MODELCACHEDIR="$WORK/nlu-model-cache-options" train_archive bot-app vagvisaren.jar "${BOT_OPTS[@]}"
  train_archive hello-app hello-world.jar
fi

# 3. One start: sets START_MS (milliseconds from launch to health UP), STARTED_PID and STARTED_PORT.
#    (Not run in $(...): a subshell would lose the pid, and the process could not be stopped.)
start() { # name logfile java-args...
  local name=$1 log=$2; shift 2
  local port; port=$(free_port)
  local db="$WORK/db-$name"
  [[ -n "$FRESH_DB" ]] && db="$WORK/db-$name-$RANDOM"
  # The cache keeps one model, and a model is keyed by its build and its training settings: the earlier build and
  # the start path with deployment/jvm.options (3 L-BFGS correction pairs, docs/nlu.md) each get their own folder, or
  # variants would retrain on every start, overwriting each other's model.
  local cache="$WORK/nlu-model-cache"
  [[ " $* " == *jvm.options* || $name == bot-plain ]] && cache="$WORK/nlu-model-cache-options"
  [[ $name == base* ]] && cache="$WORK/nlu-model-cache-base"
  local begin; begin=$(date +%s%N)
  # Run from the project folder, as a user would: ./dialogs and ./knowledge are read from there.
  (cd "$ROOT" && VAGVISAREN_DB_URL="jdbc:h2:file:$db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
     VAGVISAREN_NLU_MODELCACHEDIR="$cache" exec "$JAVA" "$@" --server.port="$port" >"$log" 2>&1) &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
  STARTED_PORT=$port
  local give_up=$(( $(date +%s) + START_TIMEOUT ))
  until curl -sf -m 10 "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$STARTED_PID" 2>/dev/null || (( $(date +%s) > give_up )); then
      echo "$name did not become healthy, see $log" >&2; KEEP_WORK=1; exit 1
    fi
    sleep 0.05
  done
  START_MS=$(( ($(date +%s%N) - begin) / 1000000 ))
  # CPU (user + system) the process used until then: under a shared machine's load steadier than the wall clock.
  START_CPU_MS=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' "/proc/$STARTED_PID/stat")
}
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

declare -A ARGS=(
  [bot]="${BOT_OPTS[*]} -jar $ROOT/target/vagvisaren.jar"
  [bot-plain]="-jar $ROOT/target/vagvisaren.jar"
  [bot-defaults]="-XX:+UseG1GC -jar $ROOT/target/vagvisaren.jar"
  [bot-cds]="${BOT_OPTS[*]} $(archive_options bot-app) -jar $WORK/bot-app/vagvisaren.jar"
  [hello]="-jar $WORK/hello-src/target/hello-world.jar"
  [hello-cds]="$(archive_options hello-app) -jar $WORK/hello-app/hello-world.jar"
)
VARIANTS=(bot hello bot-plain bot-cds hello-cds bot-defaults)
MEMORY_VARIANTS=(bot bot-plain bot-defaults)
if [[ -n "${BASELINE_JAR:-}" ]]; then
  ARGS[base-plain]="-jar $BASELINE_JAR"
  VARIANTS+=(base-plain)
  MEMORY_VARIANTS+=(base-plain)
fi
if [[ -n "${EXTRA:-}" ]]; then  # name=java arguments|name=java arguments, run from the project folder
  IFS='|' read -ra extras <<<"$EXTRA"
  for extra in "${extras[@]}"; do
    ARGS[${extra%%=*}]="${extra#*=}"
    VARIANTS+=("${extra%%=*}")
  done
fi
if [[ -n "${SELECTED:-}" ]]; then
  read -ra VARIANTS <<<"$SELECTED"
  kept=()
  for v in "${MEMORY_VARIANTS[@]}"; do [[ " $SELECTED " == *" $v "* ]] && kept+=("$v"); done
  MEMORY_VARIANTS=("${kept[@]}")
fi
declare -A TIMES CPUS
for v in "${VARIANTS[@]}"; do  # unmeasured first start: trains and caches the NLU model, warms the file cache
  start "$v" "$WORK/$v-0.log" ${ARGS[$v]}; stop "$STARTED_PID"
done
for round in $(seq 1 "$ROUNDS"); do
  for v in "${VARIANTS[@]}"; do
    start "$v" "$WORK/$v-$round.log" ${ARGS[$v]}; stop "$STARTED_PID"
    TIMES[$v]+="$START_MS "
    CPUS[$v]+="$START_CPU_MS "
    echo "round $round: $v $START_MS ms (CPU $START_CPU_MS ms, load $(cut -d' ' -f1 /proc/loadavg))"
  done
done

echo
for v in "${VARIANTS[@]}"; do
  printf '%-10s median %6.0f ms   (%s)   CPU median %6.0f ms\n' "$v" "$(echo "${TIMES[$v]}" | tr ' ' '\n' | grep . | median)" \
    "${TIMES[$v]% }" "$(echo "${CPUS[$v]}" | tr ' ' '\n' | grep . | median)"
done
m() { echo "${TIMES[$1]:-}" | tr ' ' '\n' | grep . | median; }
mc() { echo "${CPUS[$1]:-}" | tr ' ' '\n' | grep . | median; }
ratio() { # a b: the ratio of their median wall-clock and CPU times, when both were measured
  [[ -n "${TIMES[$1]:-}" && -n "${TIMES[$2]:-}" ]] || return 0
  awk -v a="$(m "$1")" -v b="$(m "$2")" -v ac="$(mc "$1")" -v bc="$(mc "$2")" -v n="ratio $1 / $2" \
    'BEGIN { printf "%-28s %.2f   (CPU %.2f)\n", n, a / b, ac / bc }'
}
ratio bot hello
ratio bot-plain hello
ratio bot-cds hello
ratio bot-cds hello-cds
ratio base-plain hello
for v in "${VARIANTS[@]}"; do
  case $v in bot|hello|bot-plain|bot-cds|hello-cds|base-plain) ;; *) ratio "$v" hello ;; esac
done

# 4. Resident memory after MESSAGES messages, started as a user would: with the shipped JVM options (bot) and
#    with the JVM's defaults (bot-plain), and the earlier build's bare start (base-plain) when BASELINE_JAR is set.
(( MESSAGES > 0 )) || MEMORY_VARIANTS=()
for v in "${MEMORY_VARIANTS[@]:-}"; do
  [[ -n "$v" ]] || continue
  start "$v" "$WORK/$v-messages.log" ${ARGS[$v]}
  pid=$STARTED_PID
  echo "$v RSS after start: $(awk '/VmRSS/ {printf "%d MB", $2/1024}' /proc/$pid/status)"
  python3 "$ROOT/docs/benchmarks/startup_messages.py" "$STARTED_PORT" "$MESSAGES" 4 600
  echo "$v RSS after $MESSAGES messages: $(awk '/VmRSS/ {printf "%d MB", $2/1024}' /proc/$pid/status)" \
       "(peak $(awk '/VmHWM/ {printf "%d MB", $2/1024}' /proc/$pid/status))"
  # The same process once the burst is over: what it holds while it waits for the next messages.
  sleep "$QUIET_SECONDS"
  echo "$v RSS $QUIET_SECONDS s after the last message: $(awk '/VmRSS/ {printf "%d MB", $2/1024}' /proc/$pid/status)"
  stop "$pid"
done
