#!/usr/bin/env bash
# Run a daijiao sub-command on a Spark cluster (YARN, Kubernetes, standalone) with the same jar bin/daijiao
# uses locally. The jar holds daijiao, Delta, POI and picocli; Spark and Hadoop come from the cluster.
#
#   SPARK_SUBMIT_ARGS="--master yarn --deploy-mode cluster --num-executors 8" \
#     jobs/spark-submit.sh run --input hdfs:///daijiao/exports/2022-09 --warehouse hdfs:///daijiao/warehouse --year 2022
#
# Input and warehouse paths are any Hadoop file system URI the cluster can read (hdfs://, s3a://, file:// on a
# shared mount). Set spark.sql.shuffle.partitions to the data size (about 2–4 per executor core).
set -euo pipefail
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$HOME_DIR/target/daijiao.jar"
if [[ ! -f "$JAR" ]]; then
  (cd "$HOME_DIR" && mvn -B -q -Dmaven.test.skip=true package)
fi
# shellcheck disable=SC2086
exec "${SPARK_SUBMIT:-spark-submit}" \
  --class org.daijiao.cli.Main \
  --conf spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension \
  --conf spark.sql.catalog.spark_catalog=org.apache.spark.sql.delta.catalog.DeltaCatalog \
  --conf spark.hadoop.fs.permissions.umask-mode=077 \
  ${SPARK_SUBMIT_ARGS:-} \
  "$JAR" "$@"
