#!/usr/bin/env bash
# The same jar on a real Spark cluster: starts a Spark standalone master and two workers on 127.0.0.1 from the
# Spark jars Maven already has (no Spark download, no Docker), runs the pipeline on the bundled sample through
# jobs/spark-submit.sh --master spark://127.0.0.1:PORT (client mode), stops the cluster, and compares every
# row of the six gold tables with a local bin/daijiao run. Exit 0 only when they are equal.
#
#   jobs/standalone-cluster-check.sh [LOCAL_WAREHOUSE]
#
# LOCAL_WAREHOUSE: a warehouse already built by `bin/daijiao run --year 2022 --as-of 2022-12-31` on
# data/sample (CI passes target/ci-warehouse) is reused; a missing one is built there; none given: a
# throw-away one. CLUSTER_CHECK_TIMEOUT (seconds, default 600) bounds the cluster run;
# CLUSTER_CHECK_KEEP_LOGS=1 keeps the logs (not the warehouses) also after a success.
# Nothing here prints an ID number or a name: bin/daijiao compare reports tables, columns, counts and masked IDs.
set -euo pipefail
# shellcheck source=jobs/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
umask 077

YEAR=2022
AS_OF=2022-12-31
INPUT="$DAIJIAO_HOME/data/sample"
TABLES=(eligibility subsidy_ledger coverage_stats department_funding worklist reaching_pension_age)
# Columns that may differ between two correct runs (run ids, timestamps) are left out of the comparison:
# bin/daijiao compare's list unless COMPARE_EXCLUDE gives another regular expression.
EXCLUDE="${COMPARE_EXCLUDE:-}"
TIMEOUT="${CLUSTER_CHECK_TIMEOUT:-600}"
WORKER_MEMORY=1200m
EXECUTOR_MEMORY=1g
# Messages go to the check's own stderr (fd 3), also from a trap that runs while a command's stderr is
# redirected to a log file.
exec 3>&2
say() { echo "standalone-cluster-check: $*" >&3; }
fail() {
  say "FAILED: $*"
  exit 1
}
for tool in java python3 setsid timeout; do
  command -v "$tool" > /dev/null || fail "$tool is needed"
done

LOCAL_WH=""
if [[ $# -ge 1 ]]; then
  mkdir -p "$(dirname "$1")"
  LOCAL_WH="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
fi
daijiao_ensure_jar
T0=$SECONDS

WORK="$(mktemp -d "${TMPDIR:-/tmp}/daijiao-cluster-check.XXXXXX")"
LOGS="$WORK/logs"
mkdir -p "$LOGS" "$WORK/local"
GROUPS_STARTED=()
STATUS=1
CHILD=""

# Long commands run in the background and are waited for: bash runs a trap only once the foreground command
# has ended, but interrupts `wait` at once — so TERM or Ctrl-C stops the check (and the cluster) right away.
in_background() {
  "$@" &
  CHILD=$!
  local rc=0
  wait "$CHILD" || rc=$?
  CHILD=""
  return "$rc"
}

# Every cluster process was started with setsid: its process id is its process group, which also holds the
# executors the worker forks. TERM first (the worker stops its executors), KILL what is left after 10 s.
stop_cluster() {
  local pgid i
  [[ ${#GROUPS_STARTED[@]} -gt 0 ]] || return 0
  for pgid in "${GROUPS_STARTED[@]}"; do kill -TERM -- "-$pgid" 2> /dev/null || true; done
  for i in $(seq 1 20); do
    local alive=0
    for pgid in "${GROUPS_STARTED[@]}"; do kill -0 -- "-$pgid" 2> /dev/null && alive=1; done
    [[ $alive -eq 0 ]] && break
    sleep 0.5
  done
  for pgid in "${GROUPS_STARTED[@]}"; do kill -KILL -- "-$pgid" 2> /dev/null || true; done
  GROUPS_STARTED=()
}
cleanup() {
  local rc=$?
  trap - EXIT
  if [[ -n "$CHILD" ]]; then
    kill -TERM "$CHILD" 2> /dev/null || true
    wait "$CHILD" 2> /dev/null || true
  fi
  stop_cluster
  # The warehouses hold IDs and names: always removed. Logs are kept after a failure.
  rm -rf "$WORK/wh-cluster" "$WORK/wh-local" "$WORK/local" "$WORK/events" "$WORK"/worker*/app-*/*/daijiao.jar
  if [[ $rc -eq 0 && $STATUS -eq 0 && -z "${CLUSTER_CHECK_KEEP_LOGS:-}" ]]; then
    rm -rf "$WORK"
  else
    say "logs kept in $WORK (owner-only; remove it when done)"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

# A Spark "distribution" made of links to Maven's jars: the worker builds each executor's class path from
# $SPARK_HOME/jars and $SPARK_HOME/conf, exactly as on a real installation.
SPARK_HOME_DIR="$WORK/spark-home"
mkdir -p "$SPARK_HOME_DIR/jars" "$SPARK_HOME_DIR/conf"
while IFS= read -r jar; do ln -s "$jar" "$SPARK_HOME_DIR/jars/"; done < <(daijiao_spark_jars)
cat > "$SPARK_HOME_DIR/conf/log4j2.properties" << 'EOF'
# Cluster daemons and executors: warnings only, plus the master's and workers' own life cycle.
status = error
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n%ex
rootLogger.level = warn
rootLogger.appenderRef.stdout.ref = console
logger.deploy.name = org.apache.spark.deploy
logger.deploy.level = info
logger.hadoop.name = org.apache.hadoop
logger.hadoop.level = error
logger.parquet.name = org.apache.parquet
logger.parquet.level = error
EOF

# Free ports on loopback for the master (RPC, web UI) and the two workers' web UIs.
read -r MASTER_PORT MASTER_UI WORKER_UI_1 WORKER_UI_2 < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(4)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])
for s in socks:
    s.close()')
MASTER_URL="spark://127.0.0.1:$MASTER_PORT"
UI_URL="http://127.0.0.1:$MASTER_UI/json/"

export SPARK_HOME="$SPARK_HOME_DIR" SPARK_SCALA_VERSION=2.12 SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_DIRS="$WORK/local"
DAEMON_JVM=("${DAIJIAO_JVM_OPENS[@]}" -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$SPARK_HOME_DIR/conf:$SPARK_HOME_DIR/jars/*")
JAVA="$(daijiao_java)"

master_json() { # prints "<alive workers> <state of the latest application or -> <its cores>"
  python3 - "$UI_URL" << 'EOF' 2> /dev/null || echo "0 - 0"
import json, sys, urllib.request
d = json.load(urllib.request.urlopen(sys.argv[1], timeout=2))
apps = sorted(d.get("activeapps", []) + d.get("completedapps", []), key=lambda a: a.get("starttime", 0))
print(d.get("aliveworkers", 0), apps[-1].get("state", "-") if apps else "-", apps[-1].get("cores", 0) if apps else 0)
EOF
}

setsid "$JAVA" "${DAEMON_JVM[@]}" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$MASTER_PORT" --webui-port "$MASTER_UI" > "$LOGS/master.log" 2>&1 &
GROUPS_STARTED+=($!)
WORKER_UI=("$WORKER_UI_1" "$WORKER_UI_2")
for i in 1 2; do
  mkdir -p "$WORK/worker$i"
  setsid "$JAVA" "${DAEMON_JVM[@]}" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --cores 1 --memory "$WORKER_MEMORY" --webui-port "${WORKER_UI[$((i - 1))]}" \
    --work-dir "$WORK/worker$i" "$MASTER_URL" > "$LOGS/worker$i.log" 2>&1 &
  GROUPS_STARTED+=($!)
done
T_START=$SECONDS
while :; do
  read -r alive _ _ < <(master_json)
  [[ "$alive" -ge 2 ]] && break
  for pgid in "${GROUPS_STARTED[@]}"; do
    kill -0 "$pgid" 2> /dev/null || fail "a cluster process exited during start-up; see $LOGS"
  done
  [[ $((SECONDS - T_START)) -lt 90 ]] || fail "only $alive of 2 workers registered with $MASTER_URL after 90 s; see $LOGS"
  sleep 1
done
say "master $MASTER_URL up, $alive workers registered (1 core, $WORKER_MEMORY each) after $((SECONDS - T_START)) s"

# The cluster run, through the wrapper, configured by a submit file like a data engineer's. The warehouse is a
# local directory: all processes run on this machine as this user, so it is shared (on a real cluster: HDFS,
# an object store or a mount every node has). The event log counts the tasks each executor ran.
mkdir -p "$WORK/events"
cat > "$WORK/submit.conf" << EOF
DAIJIAO_MASTER=$MASTER_URL
DAIJIAO_DEPLOY_MODE=client
DAIJIAO_LAUNCHER=spark-submit
DAIJIAO_SPARK_SUBMIT=maven
DAIJIAO_DRIVER_MEMORY=1536m
DAIJIAO_EXECUTOR_MEMORY=$EXECUTOR_MEMORY
DAIJIAO_EXECUTOR_CORES=1
DAIJIAO_TOTAL_EXECUTOR_CORES=2
DAIJIAO_SHUFFLE_PARTITIONS=2
DAIJIAO_DRIVER_JAVA_OPTIONS=-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=256m -XX:+UseParallelGC
DAIJIAO_EXECUTOR_JAVA_OPTIONS=-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=256m -XX:+UseParallelGC
spark.driver.host=127.0.0.1
spark.driver.bindAddress=127.0.0.1
spark.ui.enabled=false
spark.local.dir=$WORK/local
spark.locality.wait=0s
spark.databricks.delta.snapshotPartitions=2
spark.eventLog.enabled=true
spark.eventLog.dir=file://$WORK/events
EOF
# The environment must not steer this run (a DAIJIAO_MASTER exported by the caller would win over the file).
unset "${DAIJIAO_CONF_KEYS[@]}" SPARK_SUBMIT SPARK_SUBMIT_ARGS
T_RUN=$SECONDS
if ! DAIJIAO_SUBMIT_CONF="$WORK/submit.conf" in_background timeout "$TIMEOUT" "$DAIJIAO_HOME/jobs/spark-submit.sh" run \
  --input "$INPUT" --warehouse "$WORK/wh-cluster" --year "$YEAR" --as-of "$AS_OF" \
  > "$LOGS/cluster-run.out" 2> "$LOGS/cluster-run.err"; then
  # Only daijiao's own lines (progress and its one-line cause) are shown: they never quote data.
  grep -E '^(\[ *[0-9]+s\]|daijiao|spark-submit.sh:)' "$LOGS/cluster-run.err" | tail -5 >&3 || true
  fail "the pipeline run on $MASTER_URL failed or took over ${TIMEOUT}s; see $LOGS"
fi
CLUSTER_WALL=$((SECONDS - T_RUN))
read -r _ APP_STATE APP_CORES < <(master_json)
TASKS="$(python3 - "$WORK/events" << 'EOF'
import collections, json, os, sys
count = collections.Counter()
for name in os.listdir(sys.argv[1]):
    with open(os.path.join(sys.argv[1], name), encoding="utf-8") as f:
        for line in f:
            if '"SparkListenerTaskEnd"' in line:
                e = json.loads(line)
                count[e["Task Info"]["Executor ID"]] += 1
print(" ".join(f"executor {k}: {v}" for k, v in sorted(count.items())) or "none")
EOF
)"
EXECUTOR_DIRS=$(find "$WORK"/worker1 "$WORK"/worker2 -mindepth 2 -maxdepth 2 -type d | wc -l)
stop_cluster
if pgrep -f "$WORK/spark-home" > /dev/null; then fail "cluster processes still running after the stop"; fi
say "cluster run: ${CLUSTER_WALL} s wall (app $APP_STATE with $APP_CORES cores, $EXECUTOR_DIRS executors on 2 workers; tasks $TASKS); cluster stopped"
[[ "$TASKS" == *"executor 0:"* && "$TASKS" == *"executor 1:"* ]] || fail "the tasks did not run on both workers' executors ($TASKS)"
# Executors wrote the Parquet files, the driver the Delta log: all of it owner-only (umask-mode 077).
OPEN_FILES=$(find "$WORK/wh-cluster" -perm /077 | wc -l)
ALL_FILES=$(find "$WORK/wh-cluster" | wc -l)
[[ "$OPEN_FILES" -eq 0 ]] || fail "$OPEN_FILES of $ALL_FILES files and folders of the cluster warehouse are readable by others"
say "cluster warehouse: all $ALL_FILES files and folders owner-only"

# The local run: bin/daijiao, the README's command.
if [[ -z "$LOCAL_WH" ]]; then LOCAL_WH="$WORK/wh-local"; fi
if [[ -d "$LOCAL_WH/gold/eligibility/_delta_log" ]]; then
  say "local run: reusing $LOCAL_WH"
else
  T_LOCAL=$SECONDS
  in_background "$DAIJIAO_HOME/bin/daijiao" run --input "$INPUT" --warehouse "$LOCAL_WH" --year "$YEAR" --as-of "$AS_OF" \
    > "$LOGS/local-run.out" 2> "$LOGS/local-run.err" || fail "bin/daijiao run failed; see $LOGS/local-run.err"
  say "local run: bin/daijiao run into $LOCAL_WH, $((SECONDS - T_LOCAL)) s wall"
fi

# Every row of the six gold tables of the year, the local run's (A) against the cluster run's (B), as bin/daijiao
# compare reads them (docs/development.md#warehouse-comparison): time-varying columns are left out by name, a new
# column is compared without editing this script, and a table without rows in either run counts as a difference.
COMPARE=(compare "$LOCAL_WH" "$WORK/wh-cluster" --year "$YEAR" --require-rows)
if [[ -n "$EXCLUDE" ]]; then COMPARE+=(--ignore "$EXCLUDE"); fi
for t in "${TABLES[@]}"; do COMPARE+=(--table "gold.$t"); done
T_CMP=$SECONDS
rc=0
in_background "$DAIJIAO_HOME/bin/daijiao" "${COMPARE[@]}" > "$LOGS/compare.out" 2> "$LOGS/compare.err" || rc=$?
sed 's/^/standalone-cluster-check: /' "$LOGS/compare.out" >&3
[[ $rc -eq 0 ]] || fail "gold tables differ between the local run (A) and the cluster run (B), or the comparison failed; see $LOGS/compare.err"
say "compared the gold tables of $YEAR (as of $AS_OF) in $((SECONDS - T_CMP)) s"
STATUS=0
say "OK: the cluster run on $MASTER_URL wrote the same gold tables as bin/daijiao ($((SECONDS - T0)) s in all)"
