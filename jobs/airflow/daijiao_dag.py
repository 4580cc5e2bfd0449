"""daijiao (代缴) in Apache Airflow: the monthly run and the September funding run.

Two DAGs, each running the daijiao jar with ``SparkSubmitOperator`` (package
``apache-airflow-providers-apache-spark``, Airflow 2.4 or later):

* ``daijiao_monthly`` — 02:00 on the 1st of every month: the exports of the previous month, decided as of its
  last day (按月导入、比对缴费情况). The run of 1 January, as of 31 December, is the December close.
* ``daijiao_september_funding`` — 02:00 on 5 September: the year decided as of 31 August (the REGULAR batch),
  then the funding request of each certifying department (gold.department_funding) printed to the task log.

Configuration — one file for every scheduler: the submit configuration of ``jobs/spark-submit.sh``
(``jobs/daijiao-submit.conf.example``), read when the DAG file is parsed, from ``$DAIJIAO_SUBMIT_CONF``, else
``$DAIJIAO_HOME/jobs/daijiao-submit.conf``. Used from it: warehouse, exports root, policy directory, jar,
memory, cores, shuffle partitions, extra ``spark.*`` properties. The master and deploy mode come from the
Airflow connection ``spark_daijiao`` instead (SparkSubmitOperator takes them from there), e.g.::

    airflow connections add spark_daijiao --conn-type spark --conn-host yarn \
        --conn-extra '{"deploy-mode": "cluster", "queue": "daijiao"}'
    airflow connections add spark_daijiao --conn-type spark --conn-host spark://spark-master --conn-port 7077
    airflow connections add spark_daijiao --conn-type spark --conn-host k8s://https://api.example:6443 \
        --conn-extra '{"deploy-mode": "cluster", "namespace": "daijiao"}'

The workers need ``spark-submit`` of Spark 3.5 (``SPARK_HOME``) and read access to the jar; see jobs/README.md.
Runs of one DAG never overlap (``max_active_runs=1``); the monthly run of 1 September and the funding run of 5
September write the same warehouse on different days.
"""

from __future__ import annotations

import os
from datetime import timedelta

import pendulum
from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

DAIJIAO_HOME = os.environ.get("DAIJIAO_HOME", "/opt/daijiao")
SUBMIT_CONF = os.environ.get(
    "DAIJIAO_SUBMIT_CONF", os.path.join(DAIJIAO_HOME, "jobs", "daijiao-submit.conf")
)
JAVA_CLASS = "org.daijiao.cli.Main"
SPARK_CONN_ID = "spark_daijiao"
TIMEZONE = "Asia/Shanghai"

# The options Spark 3.5 needs on Java 17: config/jvm-options, the one list that bin/daijiao, jobs/lib/common.sh
# and pom.xml read too (docs/development.md#jvm-options), from the daijiao folder like the submit configuration.
JVM_OPTIONS_FILE = os.path.join(DAIJIAO_HOME, "config", "jvm-options")


def read_jvm_options(path):
    """The options of config/jvm-options joined by spaces: one a line, blank lines and # comments skipped.
    A missing file stops the DAG file's parse with the path and what to set."""
    if not os.path.isfile(path):
        raise FileNotFoundError(
            f"{path} is missing: it lists the JVM options Spark needs on Java 17; set DAIJIAO_HOME to the "
            "daijiao folder (the one holding config/ and jobs/)"
        )
    with open(path, encoding="utf-8") as f:
        return " ".join(line.strip() for line in f if line.strip() and not line.strip().startswith("#"))


JAVA17_OPTIONS = read_jvm_options(JVM_OPTIONS_FILE)


def read_submit_conf(path):
    """The submit configuration as (settings, spark_properties): KEY=VALUE lines, whole-line comments,
    one pair of surrounding quotes dropped; DAIJIAO_* keys are settings, spark.* keys Spark properties.
    The same rules as daijiao_load_conf in jobs/lib/common.sh (environment overrides are not applied:
    a DAG run has no per-run environment). A missing file gives empty dicts (the defaults apply)."""
    settings, spark_properties = {}, {}
    if not os.path.isfile(path):
        return settings, spark_properties
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if "=" not in line:
                raise ValueError(f"{path}:{number}: expected KEY=VALUE")
            key, value = line.split("=", 1)
            key, value = key.strip(), value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            if key.startswith("spark."):
                spark_properties[key] = value
            elif key.startswith("DAIJIAO_"):
                settings[key] = value
            else:
                raise ValueError(f"{path}:{number}: unknown key {key!r}")
    return settings, spark_properties


def previous_month_end(moment):
    """The last day of the month before ``moment`` (yyyy-MM-dd): the as-of date of a monthly run."""
    return (moment.replace(day=1) - timedelta(days=1)).strftime("%Y-%m-%d")


SETTINGS, SPARK_PROPERTIES = read_submit_conf(SUBMIT_CONF)


def setting(key, default=None):
    value = SETTINGS.get(key, "")
    return value if value != "" else default


APPLICATION = setting("DAIJIAO_JAR", os.path.join(DAIJIAO_HOME, "target", "daijiao.jar"))
WAREHOUSE = setting("DAIJIAO_WAREHOUSE", "/data/daijiao/warehouse")
EXPORTS_ROOT = setting("DAIJIAO_EXPORTS_ROOT", "/data/daijiao/exports")
POLICY_DIR = setting("DAIJIAO_POLICY_DIR")

# What jobs/spark-submit.sh passes: Delta on, owner-only files, county-sized shuffles, Java 17 options.
SPARK_CONF = {
    "spark.sql.extensions": "io.delta.sql.DeltaSparkSessionExtension",
    "spark.sql.catalog.spark_catalog": "org.apache.spark.sql.delta.catalog.DeltaCatalog",
    "spark.hadoop.fs.permissions.umask-mode": "077",
    "spark.sql.shuffle.partitions": setting("DAIJIAO_SHUFFLE_PARTITIONS", "4"),
    "spark.databricks.delta.snapshotPartitions": "2",
    "spark.driver.extraJavaOptions": " ".join(
        filter(None, [JAVA17_OPTIONS, "-Dfile.encoding=UTF-8", setting("DAIJIAO_DRIVER_JAVA_OPTIONS")])
    ),
    "spark.executor.extraJavaOptions": " ".join(
        filter(None, [JAVA17_OPTIONS, setting("DAIJIAO_EXECUTOR_JAVA_OPTIONS")])
    ),
    **SPARK_PROPERTIES,
}


def daijiao_task(task_id, application_args, **operator_args):
    """One daijiao sub-command under spark-submit, sized by the submit configuration."""
    total_cores = setting("DAIJIAO_TOTAL_EXECUTOR_CORES")
    executors = setting("DAIJIAO_NUM_EXECUTORS")
    return SparkSubmitOperator(
        task_id=task_id,
        conn_id=SPARK_CONN_ID,
        application=APPLICATION,
        java_class=JAVA_CLASS,
        name=f"daijiao-{task_id}",
        conf=SPARK_CONF,
        jars=setting("DAIJIAO_JARS"),
        packages=setting("DAIJIAO_PACKAGES"),
        driver_memory=setting("DAIJIAO_DRIVER_MEMORY", "2g"),
        executor_memory=setting("DAIJIAO_EXECUTOR_MEMORY"),
        executor_cores=int(setting("DAIJIAO_EXECUTOR_CORES")) if setting("DAIJIAO_EXECUTOR_CORES") else None,
        num_executors=int(executors) if executors else None,
        total_executor_cores=int(total_cores) if total_cores else None,
        application_args=application_args,
        verbose=False,
        **operator_args,
    )


def policy_args(year_template):
    return ["--policy", f"{POLICY_DIR}/{year_template}.yaml"] if POLICY_DIR else []


DEFAULT_ARGS = {
    "owner": "daijiao-data-team",
    "retries": 1,
    "retry_delay": timedelta(minutes=30),
    "execution_timeout": timedelta(hours=3),
}

# The monthly run. data_interval_end is the scheduled time (02:00 on the 1st): as of the day before it.
with DAG(
    dag_id="daijiao_monthly",
    description="daijiao monthly reconciliation (按月导入比对): previous month's exports as of its last day",
    schedule="0 2 1 * *",
    start_date=pendulum.datetime(2022, 2, 1, tz=TIMEZONE),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    user_defined_macros={"previous_month_end": previous_month_end},
    tags=["daijiao"],
) as monthly_dag:
    # Jinja: the cron time in the county's time zone (data_interval_end itself is UTC: 18:00 the day before).
    AS_OF_EXPR = "previous_month_end(data_interval_end.in_timezone('" + TIMEZONE + "'))"
    AS_OF = "{{ " + AS_OF_EXPR + " }}"
    AS_OF_MONTH = "{{ " + AS_OF_EXPR + "[:7] }}"
    AS_OF_YEAR = "{{ " + AS_OF_EXPR + "[:4] }}"
    # Every table at the last finished run's versions, before the run writes (docs/operations.md, "A damaged
    # table, a full disk"): a damaged table fails this task with its name and the way out, and the run waits
    # for the operator. No retry: a damaged table does not heal in half an hour.
    warehouse_check = daijiao_task(
        "warehouse_check", ["maintain", "--check", "--warehouse", WAREHOUSE], retries=0
    )
    monthly_run = daijiao_task(
        "monthly_run",
        [
            "run",
            "--input",
            f"{EXPORTS_ROOT}/{AS_OF_MONTH}",
            "--warehouse",
            WAREHOUSE,
            "--year",
            AS_OF_YEAR,
            "--as-of",
            AS_OF,
        ]
        + policy_args(AS_OF_YEAR),
    )
    warehouse_check >> monthly_run

# The September funding run: the year as of 31 August, then each department's funding request.
with DAG(
    dag_id="daijiao_september_funding",
    description="daijiao September funding run: as of 08-31, the REGULAR batch per certifying department",
    schedule="0 2 5 9 *",
    start_date=pendulum.datetime(2022, 9, 1, tz=TIMEZONE),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["daijiao"],
) as september_dag:
    YEAR = "{{ data_interval_end.in_timezone('" + TIMEZONE + "').year }}"
    funding_run = daijiao_task(
        "september_funding_run",
        [
            "run",
            "--input",
            f"{EXPORTS_ROOT}/{YEAR}-08",
            "--warehouse",
            WAREHOUSE,
            "--year",
            YEAR,
            "--as-of",
            f"{YEAR}-08-31",
        ]
        + policy_args(YEAR),
    )
    # Counts and sums only (publishable). In cluster deploy mode the result is in the driver's log, not here.
    funding_report = daijiao_task(
        "september_funding_report",
        [
            "sql",
            "--warehouse",
            WAREHOUSE,
            "--format",
            "csv",
            "SELECT department, funding_source, batch, mode, persons, subsidy_amount"
            f" FROM gold.department_funding WHERE policy_year = {YEAR} ORDER BY department, batch, mode",
        ],
    )
    funding_run >> funding_report
