#!/usr/bin/env bash
# The monthly run (§3(二) 按月导入、比对缴费情况): the departments' exports of the month, decided as of the last
# day of the previous month, through jobs/spark-submit.sh (bin/daijiao when the configured master is local).
#
#   jobs/monthly.sh [EXPORTS_ROOT [WAREHOUSE]]      EXPORTS_ROOT/<yyyy-MM>/<source>/*  (yyyy-MM of the as-of date)
#
# EXPORTS_ROOT and WAREHOUSE default to DAIJIAO_EXPORTS_ROOT and DAIJIAO_WAREHOUSE of the submit configuration
# (jobs/daijiao-submit.conf.example); any Hadoop URI works (hdfs://…, s3a://…) under spark-submit.
# AS_OF=yyyy-MM-dd overrides the date (a scheduler passes its own, so that a re-run or a back-fill decides the
# same month); default: the last day of the previous month. With DAIJIAO_POLICY_DIR set, the policy file of
# the as-of year is DAIJIAO_POLICY_DIR/<year>.yaml (else the bundled one, 2022). Crontab, Airflow and
# DolphinScheduler definitions: jobs/README.md. DAIJIAO_RUNNER=/path/to/launcher replaces the wrapper.
set -euo pipefail
# shellcheck source=jobs/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
daijiao_load_conf

EXPORTS="${1:-${DAIJIAO_EXPORTS_ROOT:-}}"
WAREHOUSE="${2:-${DAIJIAO_WAREHOUSE:-}}"
[[ -n "$EXPORTS" && -n "$WAREHOUSE" ]] \
  || { echo "usage: monthly.sh EXPORTS_ROOT WAREHOUSE (or DAIJIAO_EXPORTS_ROOT and DAIJIAO_WAREHOUSE in the submit configuration)" >&2; exit 2; }
AS_OF="${AS_OF:-$(date -d "$(date +%Y-%m-01) -1 day" +%F)}"
[[ "$AS_OF" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || daijiao_die "AS_OF must be yyyy-MM-dd, not '$AS_OF'"
MONTH="${AS_OF:0:7}"
RUNNER="${DAIJIAO_RUNNER:-$DAIJIAO_HOME/jobs/spark-submit.sh}"

POLICY=()
if [[ -n "${DAIJIAO_POLICY_DIR:-}" ]]; then POLICY=(--policy "$DAIJIAO_POLICY_DIR/${AS_OF:0:4}.yaml"); fi

echo "monthly: exports of $MONTH as of $AS_OF → $WAREHOUSE" >&2
"$RUNNER" run --input "$EXPORTS/$MONTH" --warehouse "$WAREHOUSE" --year "${AS_OF:0:4}" --as-of "$AS_OF" "${POLICY[@]+"${POLICY[@]}"}"
