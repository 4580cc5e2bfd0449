#!/usr/bin/env bash
# Proves that target/daijiao.jar runs unchanged under spark-submit: starts Spark's own submit class
# (org.apache.spark.deploy.SparkSubmit, from spark-core) with only Spark, Hadoop and Scala on the class path —
# Delta, POI and picocli must come from the jar itself — and runs a query on a warehouse.
#   jobs/check-spark-submit.sh WAREHOUSE
set -euo pipefail
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WAREHOUSE="${1:?usage: check-spark-submit.sh WAREHOUSE}"
[[ -f "$HOME_DIR/target/daijiao.jar" ]] || (cd "$HOME_DIR" && mvn -B -q -Dmaven.test.skip=true package)
SPARK_ONLY=$(tr ':' '\n' < "$HOME_DIR/target/spark-classpath.txt" \
  | grep -v -E '/(delta-|picocli|poi|commons-csv|xmlbeans|jackson-dataformat-yaml|snakeyaml|SparseBitSet|curvesapi)' | paste -sd:)
java -XX:+IgnoreUnrecognizedVMOptions \
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
  -cp "$SPARK_ONLY" org.apache.spark.deploy.SparkSubmit \
  --master 'local[2]' --class org.daijiao.cli.Main \
  --conf spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension \
  --conf spark.sql.catalog.spark_catalog=org.apache.spark.sql.delta.catalog.DeltaCatalog \
  "$HOME_DIR/target/daijiao.jar" sql --warehouse "$WAREHOUSE" --format csv \
  "SELECT department, batch, mode, persons, subsidy_amount FROM gold.department_funding ORDER BY 1, 2, 3"
