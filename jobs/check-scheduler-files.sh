#!/usr/bin/env bash
# Checks what the schedulers run, without the schedulers (none of them is installable here):
#   - every shell script of jobs/ (and .ci/cluster-check) parses (bash -n; shellcheck too when installed);
#   - the submit configuration example is read by jobs/spark-submit.sh, and the wrapper builds the expected
#     spark-submit command for local, standalone, YARN and Kubernetes masters (DAIJIAO_DRY_RUN=1);
#   - the Airflow DAG compiles (py_compile) and its DAG ids, schedules, task ids, application jar and class
#     are the expected ones (jobs/airflow/check_dag.py, with Python's ast);
#   - the DolphinScheduler export is well-formed JSON (python3 -m json.tool) in the 3.x process definition
#     layout, its tasks call scripts that exist, its schedules are Quartz crons;
#   - every line of the crontab example is a VAR=value line or 5 time fields and a command.
#
#   jobs/check-scheduler-files.sh
set -euo pipefail
# shellcheck source=jobs/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
JOBS="$DAIJIAO_HOME/jobs"
T0=$SECONDS
say() { echo "check-scheduler-files: $*" >&2; }
fail() {
  say "FAILED: $*"
  exit 1
}
command -v python3 > /dev/null || fail "python3 is needed"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/daijiao-scheduler-check.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# 1. Shell scripts.
SCRIPTS=("$JOBS"/*.sh "$JOBS"/lib/*.sh)
[[ -f "$DAIJIAO_HOME/.ci/cluster-check" ]] && SCRIPTS+=("$DAIJIAO_HOME/.ci/cluster-check")
for f in "${SCRIPTS[@]}"; do
  bash -n "$f" || fail "bash -n $f"
done
if command -v shellcheck > /dev/null; then
  shellcheck -x -S warning "${SCRIPTS[@]}" || fail "shellcheck found problems (above)"
  say "${#SCRIPTS[@]} shell scripts parse (bash -n, shellcheck)"
else
  say "${#SCRIPTS[@]} shell scripts parse (bash -n; shellcheck not installed)"
fi

# 2. The wrapper and its configuration: the command it would run, per kind of master. The environment must
#    not steer these (a DAIJIAO_* variable in it wins over the file).
unset "${DAIJIAO_CONF_KEYS[@]}" SPARK_SUBMIT SPARK_SUBMIT_ARGS SPARK_HOME
EXAMPLE="$JOBS/daijiao-submit.conf.example"
dry() { DAIJIAO_DRY_RUN=1 DAIJIAO_SUBMIT_CONF="$EXAMPLE" "$JOBS/spark-submit.sh" "$@" 2> "$WORK/dry.err"; }
expect() { # expect DESCRIPTION OUTPUT PATTERN…
  local what="$1" out="$2"
  shift 2
  for p in "$@"; do
    grep -q -F -- "$p" <<< "$out" || fail "$what: '$p' missing from: $out"
  done
}
out=$(dry run --year 2022) || fail "the wrapper rejects $EXAMPLE: $(cat "$WORK/dry.err")"
expect "local master" "$out" "bin/daijiao run --warehouse /data/daijiao/warehouse --year 2022"
out=$(DAIJIAO_MASTER=yarn DAIJIAO_DEPLOY_MODE=cluster DAIJIAO_SPARK_SUBMIT=/opt/spark/bin/spark-submit \
  DAIJIAO_JAR=hdfs:///apps/daijiao/daijiao.jar dry stats --year 2022) || fail "yarn: $(cat "$WORK/dry.err")"
expect "yarn cluster" "$out" "/opt/spark/bin/spark-submit --master yarn --deploy-mode cluster" "--num-executors 2" \
  "--class org.daijiao.cli.Main" "spark.sql.catalog.spark_catalog=org.apache.spark.sql.delta.catalog.DeltaCatalog" \
  "spark.hadoop.fs.permissions.umask-mode=077" "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED" \
  "hdfs:///apps/daijiao/daijiao.jar stats --warehouse /data/daijiao/warehouse --year 2022"
out=$(DAIJIAO_MASTER=k8s://https://api.example:6443 DAIJIAO_DEPLOY_MODE=cluster DAIJIAO_SPARK_SUBMIT=/opt/spark/bin/spark-submit \
  DAIJIAO_JAR=local:///opt/daijiao/daijiao.jar dry run) || fail "k8s: $(cat "$WORK/dry.err")"
expect "kubernetes" "$out" "--master k8s://https://api.example:6443" "local:///opt/daijiao/daijiao.jar run"
out=$(DAIJIAO_MASTER=spark://127.0.0.1:7077 DAIJIAO_SPARK_SUBMIT=maven DAIJIAO_TOTAL_EXECUTOR_CORES=2 dry sql "SELECT 1") \
  || fail "standalone: $(cat "$WORK/dry.err")"
expect "standalone with Maven's jars" "$out" "org.apache.spark.deploy.SparkSubmit --master spark://127.0.0.1:7077" \
  "--total-executor-cores 2" "-Xmx2g" "daijiao-log4j2.properties"
if DAIJIAO_MASTER=yarn DAIJIAO_SPARK_SUBMIT=maven dry run > /dev/null; then fail "yarn without a Spark distribution was accepted"; fi
printf 'DAIJIAO_MASTR=yarn\n' > "$WORK/typo.conf"
if DAIJIAO_DRY_RUN=1 DAIJIAO_SUBMIT_CONF="$WORK/typo.conf" "$JOBS/spark-submit.sh" run 2> /dev/null; then
  fail "a misspelt key in the configuration was accepted"
fi
WRAPPER_CONFS=$(DAIJIAO_MASTER=yarn DAIJIAO_SPARK_SUBMIT=/opt/spark/bin/spark-submit dry run \
  | python3 -c 'import shlex, sys; a = shlex.split(sys.stdin.read()); print("\n".join(a[i + 1] for i, x in enumerate(a) if x == "--conf"))')
say "spark-submit.sh reads $EXAMPLE; local, YARN, Kubernetes and standalone commands as expected; bad keys refused"

# 3. Airflow.
python3 -c 'import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True); py_compile.compile(sys.argv[3], cfile=sys.argv[4], doraise=True)' \
  "$JOBS/airflow/daijiao_dag.py" "$WORK/dag.pyc" "$JOBS/airflow/check_dag.py" "$WORK/check.pyc" || fail "py_compile"
daijiao_ensure_jar
DAIJIAO_HOME="$DAIJIAO_HOME" python3 "$JOBS/airflow/check_dag.py" "$JOBS/airflow/daijiao_dag.py" "$EXAMPLE" "$DAIJIAO_HOME/target/daijiao.jar" "$WRAPPER_CONFS" \
  || fail "jobs/airflow/daijiao_dag.py (above)"
say "Airflow DAG compiles; DAG ids, schedules, tasks, jar and class as expected"

# 4. DolphinScheduler.
DS="$JOBS/dolphinscheduler/daijiao-workflows.json"
python3 -m json.tool "$DS" > /dev/null || fail "$DS is not well-formed JSON"
python3 - "$DS" "$DAIJIAO_HOME" << 'EOF' || fail "$DS (above)"
import json, os, re, sys
path, home = sys.argv[1], sys.argv[2]
def fail(msg):
    sys.exit(f"check-scheduler-files: {path}: {msg}")
export = json.load(open(path, encoding="utf-8"))
if not isinstance(export, list) or not export:
    fail("a DolphinScheduler export is a JSON array of workflow definitions")
names = set()
for wf in export:
    for key in ("processDefinition", "processTaskRelationList", "taskDefinitionList"):
        if not wf.get(key):
            fail(f"{key} missing or empty")
    pd = wf["processDefinition"]
    name = pd.get("name")
    names.add(name)
    json.loads(pd["globalParams"]), json.loads(pd["locations"])  # strings holding JSON in the 3.x layout
    codes = {t["code"] for t in wf["taskDefinitionList"]}
    for t in wf["taskDefinitionList"]:
        if t.get("taskType") not in ("SHELL", "SPARK"):
            fail(f"{name}: task {t.get('name')} is {t.get('taskType')}, expected SHELL or SPARK")
        script = t["taskParams"].get("rawScript", "")
        for called in re.findall(r"jobs/[\w.-]+\.sh", script):
            if not os.path.isfile(os.path.join(home, called)):
                fail(f"{name}: task {t['name']} calls {called}, which does not exist")
        declared = {p["prop"] for p in t["taskParams"].get("localParams", [])} | {p["prop"] for p in pd["globalParamList"]}
        for used in re.findall(r"\$\{(\w+)\}", script):
            if used not in declared:
                fail(f"{name}: task {t['name']} uses ${{{used}}}, declared nowhere")
    for r in wf["processTaskRelationList"]:
        if r["postTaskCode"] not in codes or r["preTaskCode"] not in codes | {0}:
            fail(f"{name}: a relation names a task code that is not defined")
        if r["processDefinitionCode"] != pd["code"]:
            fail(f"{name}: a relation belongs to another workflow")
    cron = wf.get("schedule", {}).get("crontab", "")
    if len(cron.split()) not in (6, 7) or "?" not in cron:
        fail(f"{name}: schedule {cron!r} is not a Quartz cron (seconds … day-of-week [year], one field '?')")
for expected in ("daijiao-monthly", "daijiao-september-funding"):
    if expected not in names:
        fail(f"no workflow named {expected}")
# The monthly run starts only after maintain --check passed (docs/operations.md, "A damaged table, a full disk").
monthly = next(wf for wf in export if wf["processDefinition"]["name"] == "daijiao-monthly")
by_name = {t["name"]: t for t in monthly["taskDefinitionList"]}
check, run = by_name.get("warehouse_check"), by_name.get("monthly_run")
if not check or "maintain --check" not in check["taskParams"]["rawScript"]:
    fail("daijiao-monthly: no warehouse_check task running maintain --check")
if check.get("failRetryTimes") != 0:
    fail("daijiao-monthly: warehouse_check retries; a damaged table does not heal by waiting")
if not run or not any(r["preTaskCode"] == check["code"] and r["postTaskCode"] == run["code"] for r in monthly["processTaskRelationList"]):
    fail("daijiao-monthly: monthly_run does not run after warehouse_check")
print(f"check-scheduler-files: DolphinScheduler export: {len(export)} workflows ({', '.join(sorted(names))})", file=sys.stderr)
EOF

# 5. Crontab: VAR=value lines, or 5 time fields (numbers, ranges, steps, lists, names) and a command.
python3 - "$JOBS/crontab.example" "$DAIJIAO_HOME" << 'EOF' || fail "jobs/crontab.example (above)"
import os, re, sys
path, home = sys.argv[1], sys.argv[2]
field = re.compile(r"^(\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(/[0-9]+)?(,(\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(/[0-9]+)?)*$")
ranges = [(0, 59), (0, 23), (1, 31), (1, 12), (0, 7)]
jobs = 0
for number, line in enumerate(open(path, encoding="utf-8"), 1):
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    if re.match(r"^[A-Za-z_][A-Za-z0-9_]*\s*=", line):
        continue
    parts = line.split(None, 5)
    if len(parts) < 6:
        sys.exit(f"check-scheduler-files: {path}:{number}: expected 5 time fields and a command")
    for value, (low, high) in zip(parts[:5], ranges):
        if not field.match(value):
            sys.exit(f"check-scheduler-files: {path}:{number}: bad time field {value!r}")
        for n in re.findall(r"(?<![/\w])\d+", value):
            if not low <= int(n) <= high:
                sys.exit(f"check-scheduler-files: {path}:{number}: {n} outside {low}-{high}")
    for script in re.findall(r"/jobs/([\w.-]+\.sh)", parts[5]):
        if not os.path.isfile(os.path.join(home, "jobs", script)):
            sys.exit(f"check-scheduler-files: {path}:{number}: jobs/{script} does not exist")
    if re.search(r"(?<!\\)%", parts[5]):
        sys.exit(f"check-scheduler-files: {path}:{number}: an unescaped % ends the command in a crontab")
    jobs += 1
if jobs == 0:
    sys.exit(f"check-scheduler-files: {path}: no job lines")
print(f"check-scheduler-files: crontab example: {jobs} job lines, 5 time fields and a command each", file=sys.stderr)
EOF
say "OK ($((SECONDS - T0)) s)"
