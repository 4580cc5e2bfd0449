#!/usr/bin/env bash
# The September funding run (§2(二) 9月初生成实际代缴数据): decide the year as of 31 August and print what each
# certifying department asks the finance bureau for (gold.department_funding: the REGULAR batch of the
# year; later entrants form the DYNAMIC batch of the December close). Through jobs/spark-submit.sh
# (bin/daijiao when the configured master is local).
#
#   jobs/september-funding.sh [INPUT_DIR [WAREHOUSE [YEAR]]]
#
# INPUT_DIR defaults to DAIJIAO_EXPORTS_ROOT/<YEAR>-08 (the August exports, laid out as for the monthly run),
# WAREHOUSE to DAIJIAO_WAREHOUSE, YEAR to $YEAR (a scheduler passes its own), else this year. With
# DAIJIAO_POLICY_DIR set, the policy file is DAIJIAO_POLICY_DIR/<YEAR>.yaml (else the bundled one, 2022). The figures (counts and sums only: publishable) go to
# stdout as CSV and, when DAIJIAO_REPORT_DIR is set, to DAIJIAO_REPORT_DIR/department-funding-<YEAR>-08-31.csv.
# The query runs in client mode, so that its output comes back here also when the run itself uses cluster mode.
set -euo pipefail
# shellcheck source=jobs/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
daijiao_load_conf
umask 077

YEAR="${3:-${YEAR:-$(date +%Y)}}"
[[ "$YEAR" =~ ^[0-9]{4}$ ]] || daijiao_die "YEAR must be four digits, not '$YEAR'"
INPUT="${1:-}"
if [[ -z "$INPUT" && -n "${DAIJIAO_EXPORTS_ROOT:-}" ]]; then INPUT="$DAIJIAO_EXPORTS_ROOT/$YEAR-08"; fi
WAREHOUSE="${2:-${DAIJIAO_WAREHOUSE:-}}"
[[ -n "$INPUT" && -n "$WAREHOUSE" ]] \
  || { echo "usage: september-funding.sh INPUT_DIR WAREHOUSE [YEAR] (or DAIJIAO_EXPORTS_ROOT and DAIJIAO_WAREHOUSE in the submit configuration)" >&2; exit 2; }
RUNNER="${DAIJIAO_RUNNER:-$DAIJIAO_HOME/jobs/spark-submit.sh}"

POLICY=()
if [[ -n "${DAIJIAO_POLICY_DIR:-}" ]]; then POLICY=(--policy "$DAIJIAO_POLICY_DIR/$YEAR.yaml"); fi

echo "september-funding: $INPUT as of $YEAR-08-31 → $WAREHOUSE" >&2
"$RUNNER" run --input "$INPUT" --warehouse "$WAREHOUSE" --year "$YEAR" --as-of "$YEAR-08-31" "${POLICY[@]+"${POLICY[@]}"}"

# The figures: to a temp file first, so that a failed query leaves no half report behind.
FIGURES="$(mktemp "${TMPDIR:-/tmp}/daijiao-funding.XXXXXX")"
trap 'rm -f "$FIGURES"' EXIT
DAIJIAO_DEPLOY_MODE=client "$RUNNER" sql --warehouse "$WAREHOUSE" --format csv \
  "SELECT department, funding_source, batch, mode, persons, subsidy_amount FROM gold.department_funding
   WHERE policy_year = $YEAR ORDER BY department, batch, mode" > "$FIGURES"
cat "$FIGURES"
if [[ -n "${DAIJIAO_REPORT_DIR:-}" ]]; then
  mkdir -p "$DAIJIAO_REPORT_DIR"
  REPORT="$DAIJIAO_REPORT_DIR/department-funding-$YEAR-08-31.csv"
  cp "$FIGURES" "$REPORT"
  echo "september-funding: written $REPORT" >&2
fi
