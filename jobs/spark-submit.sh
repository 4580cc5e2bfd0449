#!/usr/bin/env bash
# What a scheduler runs: one daijiao sub-command (run, ingest, resolve, decide, stats, sql, explain, export, …
# exactly as bin/daijiao takes them) under spark-submit, configured by a small KEY=VALUE file.
#
#   DAIJIAO_SUBMIT_CONF=/etc/daijiao/submit.conf jobs/spark-submit.sh run --input /data/exports/2022-09 --year 2022
#   jobs/spark-submit.sh sql --format csv "SELECT * FROM gold.department_funding"
#
# Configuration: jobs/daijiao-submit.conf.example (master, deploy mode, memory and cores, shuffle partitions,
# warehouse, extra --conf lines). Read from $DAIJIAO_SUBMIT_CONF, else jobs/daijiao-submit.conf if present,
# else the defaults (local[*]). A DAIJIAO_* variable in the environment wins over the file.
# SPARK_SUBMIT_ARGS="…" (extra spark-submit options, word-split) is still honoured, last.
#
# Which spark-submit: DAIJIAO_SPARK_SUBMIT (a path, or "maven"), else $SPARK_HOME/bin/spark-submit, else
# spark-submit on the PATH, else Spark's own submit class (org.apache.spark.deploy.SparkSubmit) run with the
# Spark jars Maven already has (target/spark-classpath.txt minus what the thin jar carries) — enough for
# local[*] and spark://; YARN and Kubernetes need a Spark distribution (SPARK_HOME).
# With a local master and DAIJIAO_LAUNCHER=auto (the default) it runs bin/daijiao instead: same jar, same
# result, with the JVM flags tuned for one machine. DAIJIAO_LAUNCHER=spark-submit forces spark-submit.
# DAIJIAO_DRY_RUN=1 prints the command it would run (shell-quoted, on stdout) instead of running it.
set -euo pipefail
# shellcheck source=jobs/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# Warehouse, reports and Spark's scratch files are readable by their owner only (as with bin/daijiao).
umask 077

usage() {
  echo "usage: $(basename "$0") SUB-COMMAND [OPTIONS…]   (run, ingest, resolve, decide, stats, sql, explain, export, …; see bin/daijiao --help)" >&2
  exit 2
}
[[ $# -ge 1 ]] || usage
case "$1" in -h | --help) usage ;; esac

daijiao_load_conf
DRY_RUN="${DAIJIAO_DRY_RUN:-}"
run() {
  if [[ -n "$DRY_RUN" ]]; then
    printf '%q ' "$@"
    echo
    exit 0
  fi
  exec "$@"
}
SUB="$1"
shift
ARGS=("$@")

# The configured warehouse, unless the command line names one (generate writes no tables).
has_option() {
  local name="$1" a
  shift
  for a in "$@"; do [[ "$a" == "$name" || "$a" == "$name="* ]] && return 0; done
  return 1
}
if [[ -n "${DAIJIAO_WAREHOUSE:-}" && "$SUB" != generate && "$SUB" != help ]] \
  && ! has_option --warehouse "${ARGS[@]+"${ARGS[@]}"}"; then
  ARGS=(--warehouse "$DAIJIAO_WAREHOUSE" "${ARGS[@]+"${ARGS[@]}"}")
fi
VERBOSE=false
if has_option --verbose "${ARGS[@]+"${ARGS[@]}"}"; then VERBOSE=true; fi

MASTER="$DAIJIAO_MASTER"
MODE="$DAIJIAO_DEPLOY_MODE"
case "$MODE" in client | cluster) ;; *) daijiao_die "DAIJIAO_DEPLOY_MODE must be client or cluster, not '$MODE'" ;; esac
case "$MASTER" in
  local | local\[*\]) KIND=local ;;
  spark://*) KIND=standalone ;;
  yarn) KIND=yarn ;;
  k8s://*) KIND=k8s ;;
  *) daijiao_die "DAIJIAO_MASTER '$MASTER': expected local[*], spark://HOST:PORT, yarn or k8s://https://HOST:PORT" ;;
esac

case "$DAIJIAO_LAUNCHER" in
  auto) [[ "$KIND" == local && -z "${SPARK_SUBMIT_ARGS:-}" ]] && LAUNCHER=bin || LAUNCHER=spark-submit ;;
  bin | spark-submit) LAUNCHER="$DAIJIAO_LAUNCHER" ;;
  *) daijiao_die "DAIJIAO_LAUNCHER must be auto, bin or spark-submit, not '$DAIJIAO_LAUNCHER'" ;;
esac
if [[ "$LAUNCHER" == bin ]]; then
  [[ "$KIND" == local ]] || daijiao_die "DAIJIAO_LAUNCHER=bin runs on this machine only; DAIJIAO_MASTER is $MASTER"
  echo "daijiao-submit: $SUB with bin/daijiao (local)${DAIJIAO_CONF_FILE:+, config $DAIJIAO_CONF_FILE}" >&2
  run "$DAIJIAO_HOME/bin/daijiao" "$SUB" "${ARGS[@]+"${ARGS[@]}"}"
fi

# The application jar: built here when it is this checkout's; on YARN/Kubernetes in cluster mode it may be
# hdfs://…, s3a://… or local:///… (inside the container image).
JAR="${DAIJIAO_JAR:-$DAIJIAO_HOME/target/daijiao.jar}"
if [[ -z "$DRY_RUN" ]]; then
  if [[ "$JAR" == "$DAIJIAO_HOME/target/daijiao.jar" ]]; then daijiao_ensure_jar; fi
  if [[ "$JAR" != *://* && ! -f "$JAR" ]]; then daijiao_die "DAIJIAO_JAR=$JAR: no such file"; fi
fi

SUBMIT="${DAIJIAO_SPARK_SUBMIT:-${SPARK_SUBMIT:-}}"
if [[ -z "$SUBMIT" ]]; then
  if [[ -n "${SPARK_HOME:-}" && -x "$SPARK_HOME/bin/spark-submit" ]]; then
    SUBMIT="$SPARK_HOME/bin/spark-submit"
  elif command -v spark-submit > /dev/null 2>&1; then
    SUBMIT="$(command -v spark-submit)"
  else
    SUBMIT=maven
  fi
fi
if [[ "$SUBMIT" == maven && ( "$KIND" == yarn || "$KIND" == k8s ) ]]; then
  daijiao_die "master $MASTER needs a Spark 3.5 distribution: set SPARK_HOME (or DAIJIAO_SPARK_SUBMIT=/path/to/spark-submit)"
fi

OPENS="${DAIJIAO_JVM_OPENS[*]}"
LOG_LEVEL=OFF
LOG_CONFIG=daijiao-log4j2.properties
if [[ "$VERBOSE" == true ]]; then
  LOG_LEVEL=INFO
  LOG_CONFIG=daijiao-log4j2-verbose.properties
fi
# The driver's logging: daijiao's quiet log4j2 file, read from inside the jar (client mode; in cluster mode
# the driver runs elsewhere and the cluster's logging applies, Spark's level is still set by daijiao).
DRIVER_OPTS="$OPENS -Ddaijiao.sparkLogLevel=$LOG_LEVEL -Dfile.encoding=UTF-8${DAIJIAO_DRIVER_JAVA_OPTIONS:+ $DAIJIAO_DRIVER_JAVA_OPTIONS}"
if [[ "$MODE" == client && "$JAR" != *://* ]]; then
  JAR_ABS="$JAR"
  [[ "$JAR" == /* ]] || JAR_ABS="$PWD/$JAR"
  DRIVER_OPTS="$DRIVER_OPTS -Dlog4j2.configurationFile=jar:file:$JAR_ABS!/$LOG_CONFIG"
fi

SUBMIT_ARGS=(--master "$MASTER" --deploy-mode "$MODE" --name "daijiao-$SUB" --class org.daijiao.cli.Main)
# Driver memory and cores: in client mode with Spark's submit class the driver is this JVM (-Xmx below).
if [[ "$SUBMIT" != maven || "$MODE" == cluster ]]; then
  SUBMIT_ARGS+=(--driver-memory "$DAIJIAO_DRIVER_MEMORY")
  [[ "$MODE" == cluster && -n "${DAIJIAO_DRIVER_CORES:-}" ]] && SUBMIT_ARGS+=(--driver-cores "$DAIJIAO_DRIVER_CORES")
fi
if [[ "$KIND" != local ]]; then
  [[ -n "${DAIJIAO_EXECUTOR_MEMORY:-}" ]] && SUBMIT_ARGS+=(--executor-memory "$DAIJIAO_EXECUTOR_MEMORY")
  [[ -n "${DAIJIAO_EXECUTOR_CORES:-}" ]] && SUBMIT_ARGS+=(--executor-cores "$DAIJIAO_EXECUTOR_CORES")
fi
if [[ ( "$KIND" == yarn || "$KIND" == k8s ) && -n "${DAIJIAO_NUM_EXECUTORS:-}" ]]; then
  SUBMIT_ARGS+=(--num-executors "$DAIJIAO_NUM_EXECUTORS")
fi
if [[ "$KIND" == standalone && -n "${DAIJIAO_TOTAL_EXECUTOR_CORES:-}" ]]; then
  SUBMIT_ARGS+=(--total-executor-cores "$DAIJIAO_TOTAL_EXECUTOR_CORES")
fi
[[ -n "${DAIJIAO_JARS:-}" ]] && SUBMIT_ARGS+=(--jars "$DAIJIAO_JARS")
[[ -n "${DAIJIAO_PACKAGES:-}" ]] && SUBMIT_ARGS+=(--packages "$DAIJIAO_PACKAGES")
SUBMIT_ARGS+=(
  # What SparkSessions sets itself: Delta on; Hadoop's file systems create owner-only files (077).
  --conf spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension
  --conf spark.sql.catalog.spark_catalog=org.apache.spark.sql.delta.catalog.DeltaCatalog
  --conf spark.hadoop.fs.permissions.umask-mode=077
  # Under spark-submit daijiao leaves sizing to the submitter: county-sized data wants few partitions, and
  # Delta's default of 50 partitions to rebuild a table's state more than doubled a run (docs/performance.md#levers).
  # A spark.* line of the configuration given later wins.
  --conf "spark.sql.shuffle.partitions=$DAIJIAO_SHUFFLE_PARTITIONS"
  --conf spark.databricks.delta.snapshotPartitions=2
  --conf "spark.executor.extraJavaOptions=$OPENS${DAIJIAO_EXECUTOR_JAVA_OPTIONS:+ $DAIJIAO_EXECUTOR_JAVA_OPTIONS}"
)
if [[ "$SUBMIT" != maven || "$MODE" == cluster ]]; then
  SUBMIT_ARGS+=(--conf "spark.driver.extraJavaOptions=$DRIVER_OPTS")
fi
# A standalone cluster-mode submission returns at once unless told to wait: a scheduler needs the outcome.
if [[ "$KIND" == standalone && "$MODE" == cluster ]]; then
  SUBMIT_ARGS+=(--conf spark.standalone.submit.waitAppCompletion=true)
fi
for c in "${DAIJIAO_SPARK_CONFS[@]+"${DAIJIAO_SPARK_CONFS[@]}"}"; do SUBMIT_ARGS+=(--conf "$c"); done
# shellcheck disable=SC2206
[[ -n "${SPARK_SUBMIT_ARGS:-}" ]] && SUBMIT_ARGS+=(${SPARK_SUBMIT_ARGS})

echo "daijiao-submit: $SUB on $MASTER ($MODE mode) with $([[ "$SUBMIT" == maven ]] && echo "Spark's submit class and Maven's Spark jars" || echo "$SUBMIT")${DAIJIAO_CONF_FILE:+, config $DAIJIAO_CONF_FILE}" >&2

if [[ "$SUBMIT" == maven ]]; then
  [[ -n "$DRY_RUN" ]] || daijiao_ensure_jar
  SPARK_CP="<the Spark jars of target/spark-classpath.txt>"
  [[ -f "$DAIJIAO_HOME/target/spark-classpath.txt" ]] && SPARK_CP="$(daijiao_spark_jars | paste -sd:)"
  DRIVER_JVM=()
  if [[ "$MODE" == client ]]; then
    # shellcheck disable=SC2206
    DRIVER_JVM=(-Xmx"$DAIJIAO_DRIVER_MEMORY" $DRIVER_OPTS)
  else
    # shellcheck disable=SC2206
    DRIVER_JVM=(-Xmx512m $OPENS)
  fi
  run "$(daijiao_java)" "${DRIVER_JVM[@]}" -cp "$SPARK_CP" org.apache.spark.deploy.SparkSubmit \
    "${SUBMIT_ARGS[@]}" "$JAR" "$SUB" "${ARGS[@]+"${ARGS[@]}"}"
fi
run "$SUBMIT" "${SUBMIT_ARGS[@]}" "$JAR" "$SUB" "${ARGS[@]+"${ARGS[@]}"}"
