#!/usr/bin/env bash
# Proves that target/daijiao.jar runs unchanged under spark-submit: starts Spark's own submit class
# (org.apache.spark.deploy.SparkSubmit, from spark-core) with only Spark, Hadoop and Scala on the class path —
# Delta, POI and picocli must come from the jar itself — and runs a query on a warehouse.
#   jobs/check-spark-submit.sh WAREHOUSE
# (jobs/standalone-cluster-check.sh goes further: a real standalone cluster, the whole pipeline, every gold row.)
set -euo pipefail
# shellcheck source=jobs/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
WAREHOUSE="${1:?usage: check-spark-submit.sh WAREHOUSE}"
daijiao_ensure_jar
"$(daijiao_java)" "${DAIJIAO_JVM_OPENS[@]}" -cp "$(daijiao_spark_jars | paste -sd:)" org.apache.spark.deploy.SparkSubmit \
  --master 'local[2]' --class org.daijiao.cli.Main \
  --conf spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension \
  --conf spark.sql.catalog.spark_catalog=org.apache.spark.sql.delta.catalog.DeltaCatalog \
  "$DAIJIAO_HOME/target/daijiao.jar" sql --warehouse "$WAREHOUSE" --format csv \
  "SELECT department, batch, mode, persons, subsidy_amount FROM gold.department_funding ORDER BY 1, 2, 3"
