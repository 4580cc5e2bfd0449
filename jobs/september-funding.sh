#!/usr/bin/env bash
# The September funding run (§2(二) 9月初生成实际代缴数据): decide the year as of 31 August and print what each
# certifying department asks the finance bureau for (gold.department_funding, REGULAR batch).
set -euo pipefail
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
INPUT="${1:?usage: september-funding.sh INPUT_DIR WAREHOUSE [YEAR]}"
WAREHOUSE="${2:?usage: september-funding.sh INPUT_DIR WAREHOUSE [YEAR]}"
YEAR="${3:-$(date +%Y)}"
RUNNER="${DAIJIAO_RUNNER:-$HOME_DIR/bin/daijiao}"
"$RUNNER" run --input "$INPUT" --warehouse "$WAREHOUSE" --year "$YEAR" --as-of "$YEAR-08-31"
"$RUNNER" sql --warehouse "$WAREHOUSE" --format csv \
  "SELECT department, funding_source, batch, mode, persons, subsidy_amount FROM gold.department_funding
   WHERE policy_year = $YEAR ORDER BY department, batch, mode"
