#!/usr/bin/env bash
# The monthly run (§3(二) 按月导入、比对缴费情况): the departments' exports of the month, decided as of the
# last day of the previous month. Schedule it with cron on the data team's machine, e.g.
#   0 2 1 * *  /opt/daijiao/jobs/monthly.sh /data/exports /data/warehouse >> /var/log/daijiao/monthly.log 2>&1
# or with SPARK_SUBMIT_ARGS set and DAIJIAO_RUNNER=jobs/spark-submit.sh on a cluster.
set -euo pipefail
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EXPORTS="${1:?usage: monthly.sh EXPORTS_ROOT WAREHOUSE}"   # EXPORTS_ROOT/<yyyy-MM>/<source>/*
WAREHOUSE="${2:?usage: monthly.sh EXPORTS_ROOT WAREHOUSE}"
AS_OF="${AS_OF:-$(date -d "$(date +%Y-%m-01) -1 day" +%F)}"
MONTH="${AS_OF:0:7}"
RUNNER="${DAIJIAO_RUNNER:-$HOME_DIR/bin/daijiao}"
"$RUNNER" run --input "$EXPORTS/$MONTH" --warehouse "$WAREHOUSE" --year "${AS_OF:0:4}" --as-of "$AS_OF"
