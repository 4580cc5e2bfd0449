# Shared by the scripts in jobs/: where daijiao is, the JVM options Spark needs on Java 17, the Spark jars
# Maven already has, and the submit configuration (jobs/daijiao-submit.conf.example). Sourced, not run.
# shellcheck shell=bash
# Variables defined here are used by the scripts that source this file.
# shellcheck disable=SC2034

DAIJIAO_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# The options Spark's own launcher adds on Java 17: config/jvm-options, one a line, the list bin/daijiao and
# pom.xml read too (docs/development.md#jvm-options).
[[ -r "$DAIJIAO_HOME/config/jvm-options" ]] \
  || { echo "$(basename "$0"): $DAIJIAO_HOME/config/jvm-options is missing: it lists the JVM options Spark needs." >&2; exit 1; }
mapfile -t DAIJIAO_JVM_OPENS < <(sed -E '/^[[:space:]]*(#|$)/d; s/^[[:space:]]+|[[:space:]]+$//g' "$DAIJIAO_HOME/config/jvm-options")

daijiao_die() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

daijiao_java() {
  if [[ -n "${JAVA_HOME:-}" ]]; then echo "$JAVA_HOME/bin/java"; else echo java; fi
}

# target/daijiao.jar (the thin jar: daijiao + Delta + POI + picocli) and target/spark-classpath.txt (Spark and
# everything the thin jar leaves to the cluster, from ~/.m2) come from one `mvn package`: run when they are
# missing or older than the sources, as bin/daijiao does (so that both always run the same jar).
daijiao_ensure_jar() {
  local jar="$DAIJIAO_HOME/target/daijiao.jar"
  if [[ ! -f "$jar" || ! -f "$DAIJIAO_HOME/target/spark-classpath.txt" \
    || -n "$(find "$DAIJIAO_HOME/src/main" "$DAIJIAO_HOME/pom.xml" "$DAIJIAO_HOME/config/jvm-options" -newer "$jar" -print -quit 2> /dev/null)" ]]; then
    echo "$(basename "$0"): building target/daijiao.jar (mvn package, tests skipped)…" >&2
    (cd "$DAIJIAO_HOME" && mvn -B -q -Dmaven.test.skip=true package >&2) \
      || daijiao_die "the build failed (see above); run 'mvn package' in $DAIJIAO_HOME"
  fi
}

# The class path of a Spark 3.5 distribution, taken from Maven: target/spark-classpath.txt minus the
# artifacts the thin jar carries itself (keep in step with the shade plugin of pom.xml). Delta, POI and
# picocli must come from the application jar, as they would on a real cluster. One path per line.
daijiao_spark_jars() {
  tr ':' '\n' < "$DAIJIAO_HOME/target/spark-classpath.txt" \
    | grep -v -E '/(delta-|picocli|poi|commons-csv|xmlbeans|jackson-dataformat-yaml|snakeyaml|SparseBitSet|curvesapi)' \
    | grep -v '^$'
}

# The submit configuration: KEY=VALUE lines read (never executed) from $DAIJIAO_SUBMIT_CONF, else from
# jobs/daijiao-submit.conf when it exists. DAIJIAO_* keys set the variable of that name unless the
# environment already sets it (the environment wins: a scheduler can override one value for one run);
# keys starting with "spark." go to spark-submit as --conf key=value (in DAIJIAO_SPARK_CONFS).
DAIJIAO_CONF_KEYS=(
  DAIJIAO_MASTER DAIJIAO_DEPLOY_MODE DAIJIAO_DRIVER_MEMORY DAIJIAO_DRIVER_CORES
  DAIJIAO_EXECUTOR_MEMORY DAIJIAO_EXECUTOR_CORES DAIJIAO_NUM_EXECUTORS DAIJIAO_TOTAL_EXECUTOR_CORES
  DAIJIAO_SHUFFLE_PARTITIONS DAIJIAO_WAREHOUSE DAIJIAO_EXPORTS_ROOT DAIJIAO_REPORT_DIR DAIJIAO_JAR
  DAIJIAO_SPARK_SUBMIT DAIJIAO_LAUNCHER DAIJIAO_DRIVER_JAVA_OPTIONS DAIJIAO_EXECUTOR_JAVA_OPTIONS
  DAIJIAO_JARS DAIJIAO_PACKAGES DAIJIAO_JAVA_OPTS DAIJIAO_POLICY_DIR
)
DAIJIAO_SPARK_CONFS=()
DAIJIAO_CONF_FILE=""

daijiao_load_conf() {
  local file="${DAIJIAO_SUBMIT_CONF:-}"
  if [[ -z "$file" && -f "$DAIJIAO_HOME/jobs/daijiao-submit.conf" ]]; then
    file="$DAIJIAO_HOME/jobs/daijiao-submit.conf"
  fi
  DAIJIAO_SPARK_CONFS=()
  DAIJIAO_CONF_FILE="$file"
  if [[ -n "$file" ]]; then
    [[ -f "$file" && -r "$file" ]] || daijiao_die "DAIJIAO_SUBMIT_CONF=$file: no such readable file"
    local line key value n=0
    while IFS= read -r line || [[ -n "$line" ]]; do
      n=$((n + 1))
      line="${line%$'\r'}"
      # Trim blanks; whole-line comments only (a value may contain '#').
      line="${line#"${line%%[![:space:]]*}"}"
      line="${line%"${line##*[![:space:]]}"}"
      [[ -z "$line" || "$line" == \#* ]] && continue
      [[ "$line" == *=* ]] || daijiao_die "$file:$n: expected KEY=VALUE"
      key="${line%%=*}"
      key="${key%"${key##*[![:space:]]}"}"
      value="${line#*=}"
      value="${value#"${value%%[![:space:]]*}"}"
      # One pair of surrounding quotes is dropped: KEY="a b" and KEY=a b mean the same.
      if [[ ${#value} -ge 2 && ( "$value" == \"*\" || "$value" == \'*\' ) ]]; then
        value="${value:1:${#value}-2}"
      fi
      case "$key" in
        spark.*) DAIJIAO_SPARK_CONFS+=("$key=$value") ;;
        DAIJIAO_*)
          [[ " ${DAIJIAO_CONF_KEYS[*]} " == *" $key "* ]] || daijiao_die "$file:$n: unknown key $key"
          if [[ -z "${!key+x}" ]]; then printf -v "$key" '%s' "$value"; fi
          ;;
        *) daijiao_die "$file:$n: unknown key '$key' (DAIJIAO_* settings or spark.* properties)" ;;
      esac
    done < "$file"
  fi
  # Defaults: one machine, the same as bin/daijiao.
  DAIJIAO_MASTER="${DAIJIAO_MASTER:-local[*]}"
  DAIJIAO_DEPLOY_MODE="${DAIJIAO_DEPLOY_MODE:-client}"
  DAIJIAO_DRIVER_MEMORY="${DAIJIAO_DRIVER_MEMORY:-2g}"
  DAIJIAO_SHUFFLE_PARTITIONS="${DAIJIAO_SHUFFLE_PARTITIONS:-4}"
  DAIJIAO_LAUNCHER="${DAIJIAO_LAUNCHER:-auto}"
  if [[ -n "${DAIJIAO_JAVA_OPTS:-}" ]]; then export DAIJIAO_JAVA_OPTS; fi
}
