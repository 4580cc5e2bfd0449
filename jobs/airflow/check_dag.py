"""Checks jobs/airflow/daijiao_dag.py without Airflow (not installable here): parses it with ast and asserts
what a scheduler relies on, then runs its two pure helpers (the configuration reader and the as-of date)
in isolation on the example configuration.

    python3 jobs/airflow/check_dag.py DAG_FILE CONF_EXAMPLE JAR

Prints one line per check; exit 1 on the first failure.
"""

import ast
import datetime
import sys
import zipfile

DAG_FILE, CONF_EXAMPLE, JAR = sys.argv[1:4]
EXPECTED = {
    "daijiao_monthly": ("0 2 1 * *", {"warehouse_check", "monthly_run"}),
    "daijiao_september_funding": ("0 2 5 9 *", {"september_funding_run", "september_funding_report"}),
}
MAIN_CLASS = "org.daijiao.cli.Main"


def fail(message):
    print(f"check_dag: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def ok(message):
    print(f"check_dag: {message}", file=sys.stderr)


source = open(DAG_FILE, encoding="utf-8").read()
tree = ast.parse(source, DAG_FILE)


def literal(node):
    """The value of a constant, an f-string's constant parts, or a module-level constant name."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        for stmt in tree.body:
            if isinstance(stmt, ast.Assign) and any(getattr(t, "id", None) == node.id for t in stmt.targets):
                return literal(stmt.value)
    return None


def keywords(call):
    return {k.arg: k.value for k in call.keywords if k.arg}


# The operator comes from the Spark provider package.
imports = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
if not any(
    n.module == "airflow.providers.apache.spark.operators.spark_submit"
    and any(a.name == "SparkSubmitOperator" for a in n.names)
    for n in imports
):
    fail("SparkSubmitOperator is not imported from airflow.providers.apache.spark.operators.spark_submit")
ok("SparkSubmitOperator imported from apache-airflow-providers-apache-spark")

# The DAGs: ids and schedules.
calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
dags = {}
for call in calls:
    if getattr(call.func, "id", None) == "DAG":
        kw = keywords(call)
        dags[literal(kw.get("dag_id"))] = (call, literal(kw.get("schedule")), kw)
for dag_id, (schedule, _) in EXPECTED.items():
    if dag_id not in dags:
        fail(f"no DAG with dag_id {dag_id!r} (found {sorted(map(str, dags))})")
    if dags[dag_id][1] != schedule:
        fail(f"DAG {dag_id} has schedule {dags[dag_id][1]!r}, expected {schedule!r}")
    if literal(dags[dag_id][2].get("max_active_runs")) != 1:
        fail(f"DAG {dag_id} must not run twice at once (max_active_runs=1)")
ok(f"DAGs {', '.join(f'{d} ({s})' for d, (s, _) in EXPECTED.items())}")


# The tasks: task ids inside each DAG's with-block, all made by daijiao_task -> SparkSubmitOperator.
def task_ids_in(with_node):
    ids = set()
    for node in ast.walk(with_node):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "daijiao_task":
            ids.add(literal(node.args[0]))
    return ids


for node in ast.walk(tree):
    if isinstance(node, ast.With):
        for item in node.items:
            if isinstance(item.context_expr, ast.Call) and getattr(item.context_expr.func, "id", None) == "DAG":
                dag_id = literal(keywords(item.context_expr).get("dag_id"))
                expected = EXPECTED[dag_id][1]
                found = task_ids_in(node)
                if not expected <= found:
                    fail(f"DAG {dag_id}: tasks {sorted(found)}, expected at least {sorted(expected)}")
                ok(f"DAG {dag_id}: tasks {', '.join(sorted(found))}")

helper = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "daijiao_task")
operator = [n for n in ast.walk(helper) if isinstance(n, ast.Call) and getattr(n.func, "id", None) == "SparkSubmitOperator"]
if not operator:
    fail("daijiao_task does not create a SparkSubmitOperator")
op_kw = keywords(operator[0])
for required in ("task_id", "conn_id", "application", "java_class", "conf", "application_args"):
    if required not in op_kw:
        fail(f"SparkSubmitOperator lacks {required}=")
java_class = literal(op_kw["java_class"])
if java_class != MAIN_CLASS:
    fail(f"java_class is {java_class!r}, expected {MAIN_CLASS}")

# The application: the jar the DAG points at by default, and the class inside it.
app_default = [n for n in ast.walk(tree) if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", None) == "APPLICATION"]
if not app_default or "daijiao.jar" not in ast.get_source_segment(source, app_default[0].value):
    fail("APPLICATION does not default to target/daijiao.jar")
with zipfile.ZipFile(JAR) as jar:
    if MAIN_CLASS.replace(".", "/") + ".class" not in jar.namelist():
        fail(f"{JAR} has no {MAIN_CLASS}")
ok(f"application {JAR} exists and holds java_class {MAIN_CLASS}")

# The pure helpers, run without Airflow: only their own source and the standard library.
namespace = {"os": __import__("os"), "timedelta": datetime.timedelta}
for name in ("read_submit_conf", "previous_month_end"):
    fn = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name)
    exec(compile(ast.Module(body=[fn], type_ignores=[]), DAG_FILE, "exec"), namespace)
settings, spark_properties = namespace["read_submit_conf"](CONF_EXAMPLE)
for key in ("DAIJIAO_MASTER", "DAIJIAO_WAREHOUSE", "DAIJIAO_EXPORTS_ROOT", "DAIJIAO_SHUFFLE_PARTITIONS"):
    if key not in settings:
        fail(f"{CONF_EXAMPLE}: {key} not read")
if "spark.databricks.delta.snapshotPartitions" not in spark_properties:
    fail(f"{CONF_EXAMPLE}: spark.* lines not read")
ok(f"{CONF_EXAMPLE}: {len(settings)} settings, {len(spark_properties)} spark properties read by the DAG's reader")
for moment, as_of in (
    (datetime.datetime(2022, 2, 1, 2, 0), "2022-01-31"),
    (datetime.datetime(2023, 1, 1, 2, 0), "2022-12-31"),  # the December close
    (datetime.datetime(2024, 3, 1, 2, 0), "2024-02-29"),
    (datetime.datetime(2022, 9, 1, 2, 0), "2022-08-31"),
):
    got = namespace["previous_month_end"](moment)
    if got != as_of:
        fail(f"previous_month_end({moment}) = {got}, expected {as_of}")
ok("monthly as-of dates: 2022-02-01 → 2022-01-31, 2023-01-01 → 2022-12-31, 2024-03-01 → 2024-02-29")
# The spark.* properties the DAG passes must be the ones the shell wrapper passes (one configuration).
if len(sys.argv) > 4:
    wrapper_confs = set(sys.argv[4].split("\n")) - {""}
    missing = {f"{k}={v}" for k, v in spark_properties.items()} - wrapper_confs
    if missing:
        fail(f"the DAG and jobs/spark-submit.sh read different spark.* properties: {sorted(missing)}")
    ok("the DAG and jobs/spark-submit.sh read the same spark.* properties from the configuration")

# When Jinja is importable (Airflow's template engine; not needed for the checks above): run the DAG file with
# stand-ins for airflow and pendulum, render every task's arguments as Airflow would for a scheduled run, and
# compare with the command lines jobs/monthly.sh and jobs/september-funding.sh build for the same dates.
try:
    import jinja2
except ImportError:
    jinja2 = None
if jinja2 is None:
    ok("jinja2 not installed: templates not rendered (the checks above do not need it)")
    sys.exit(0)

import os
import types
import zoneinfo

created = []


class StubDag:
    current = None

    def __init__(self, **kw):
        self.kw, self.tasks = kw, []

    def __enter__(self):
        StubDag.current = self
        return self

    def __exit__(self, *exc):
        StubDag.current = None


class StubOperator:
    def __init__(self, **kw):
        self.kw = kw
        StubDag.current.tasks.append(self)
        created.append(self)

    def __rshift__(self, other):
        other.upstream = self
        return other


class Moment(datetime.datetime):
    """What Airflow passes as data_interval_end: a pendulum DateTime in UTC."""

    def in_timezone(self, tz):
        return Moment.fromtimestamp(self.timestamp(), zoneinfo.ZoneInfo(tz))


stubs = {
    "airflow": types.SimpleNamespace(DAG=StubDag),
    "airflow.providers.apache.spark.operators.spark_submit": types.SimpleNamespace(SparkSubmitOperator=StubOperator),
    "pendulum": types.SimpleNamespace(datetime=lambda *a, tz=None: datetime.datetime(*a, tzinfo=zoneinfo.ZoneInfo(tz))),
}
for name, module in stubs.items():
    sys.modules[name] = module
sys.modules["airflow.providers"] = sys.modules["airflow.providers.apache"] = types.SimpleNamespace()
sys.modules["airflow.providers.apache.spark"] = sys.modules["airflow.providers.apache.spark.operators"] = types.SimpleNamespace()
os.environ["DAIJIAO_SUBMIT_CONF"] = CONF_EXAMPLE
dag_globals = {"__name__": "daijiao_dag"}
exec(compile(source, DAG_FILE, "exec"), dag_globals)

env = jinja2.Environment(undefined=jinja2.StrictUndefined)


def render(task, scheduled_local):
    """The task's arguments for the run scheduled at scheduled_local (county time)."""
    end = Moment.fromtimestamp(
        datetime.datetime(*scheduled_local, tzinfo=zoneinfo.ZoneInfo("Asia/Shanghai")).timestamp(), datetime.timezone.utc
    )
    context = {"data_interval_end": end, "previous_month_end": dag_globals["previous_month_end"]}
    return [env.from_string(a).render(context) for a in task.kw["application_args"]]


tasks = {t.kw["task_id"]: t for t in created}
settings = dag_globals["SETTINGS"]
wh, root = settings["DAIJIAO_WAREHOUSE"], settings["DAIJIAO_EXPORTS_ROOT"]
cases = [
    ("monthly_run", (2022, 2, 1, 2, 0), ["run", "--input", f"{root}/2022-01", "--warehouse", wh, "--year", "2022", "--as-of", "2022-01-31"]),
    ("monthly_run", (2023, 1, 1, 2, 0), ["run", "--input", f"{root}/2022-12", "--warehouse", wh, "--year", "2022", "--as-of", "2022-12-31"]),
    ("september_funding_run", (2022, 9, 5, 2, 0), ["run", "--input", f"{root}/2022-08", "--warehouse", wh, "--year", "2022", "--as-of", "2022-08-31"]),
]
for task_id, when, expected in cases:
    got = render(tasks[task_id], when)
    if got != expected:
        fail(f"{task_id} scheduled {when}: arguments {got}, expected {expected}")
report = render(tasks["september_funding_report"], (2022, 9, 5, 2, 0))
if report[:5] != ["sql", "--warehouse", wh, "--format", "csv"] or "policy_year = 2022" not in report[5]:
    fail(f"september_funding_report renders {report}")
if render(tasks["warehouse_check"], (2022, 2, 1, 2, 0)) != ["maintain", "--check", "--warehouse", wh]:
    fail(f"warehouse_check renders {render(tasks['warehouse_check'], (2022, 2, 1, 2, 0))}")
if getattr(tasks["monthly_run"], "upstream", None) is not tasks["warehouse_check"]:
    fail("monthly_run does not run after warehouse_check (maintain --check)")
if tasks["warehouse_check"].kw.get("retries") != 0:
    fail("warehouse_check retries: a damaged table does not heal by waiting")
if getattr(tasks["september_funding_report"], "upstream", None) is not tasks["september_funding_run"]:
    fail("september_funding_report does not run after september_funding_run")
for t in created:
    if t.kw["application"] != os.path.join(dag_globals["DAIJIAO_HOME"], "target", "daijiao.jar") and not settings.get("DAIJIAO_JAR"):
        fail(f"{t.kw['task_id']}: application {t.kw['application']}")
jvm_list = os.path.join(dag_globals["DAIJIAO_HOME"], "config", "jvm-options")
with open(jvm_list, encoding="utf-8") as f:
    jvm_options = [line.strip() for line in f if line.strip() and not line.strip().startswith("#")]
for t in created:
    for key in ("spark.driver.extraJavaOptions", "spark.executor.extraJavaOptions"):
        given = t.kw["conf"].get(key, "").split()
        missing = [o for o in jvm_options if o not in given]
        if missing:
            fail(f"{t.kw['task_id']}: {key} lacks {missing} of {jvm_list}")
ok(f"every task's driver and executor options carry the {len(jvm_options)} options of config/jvm-options")
ok("templates rendered (Jinja): maintain --check before the monthly run; monthly 2022-02-01 → as of 2022-01-31, 2023-01-01 → 2022-12-31 (the December close); September 2022 → 2022-08-31, report after the run")
