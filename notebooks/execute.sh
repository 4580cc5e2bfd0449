#!/usr/bin/env bash
# Executes the analyst notebooks headlessly against a warehouse, as `.ci/run` does after its smoke run:
#   notebooks/execute.sh WAREHOUSE [OUT_DIR]     executed copies in OUT_DIR (default target/notebooks)
#   notebooks/execute.sh WAREHOUSE notebooks     refreshes the committed notebooks' outputs in place
# Fails when a notebook raises (a query, a chart, or a reconciliation assert) and when an executed notebook holds
# an ID-shaped number. The notebooks read the DuckDB views of the warehouse's last finished run (daijiao_duck.py):
# no JVM. Jupyter, nbconvert, pandas, matplotlib and a CJK font come from Debian's packages, DuckDB from pip, in
# the environment notebooks/python-env.sh prepares.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $# -lt 1 || ! -d "$1" ]]; then
  echo "usage: notebooks/execute.sh WAREHOUSE [OUT_DIR] (WAREHOUSE: a folder written by bin/daijiao run)" >&2
  exit 1
fi
WAREHOUSE="$(cd "$1" && pwd)"
OUT="${2:-target/notebooks}"
PY="$(notebooks/python-env.sh)"

mkdir -p "$OUT"
for notebook in notebooks/*.ipynb; do
  start=$(date +%s%N)
  # The kernel runs in notebooks/ (nbconvert's default), where daijiao_duck.py is.
  DAIJIAO_WAREHOUSE="$WAREHOUSE" PYDEVD_DISABLE_FILE_VALIDATION=1 \
    "$PY" -Xfrozen_modules=off -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 \
    --ExecutePreprocessor.kernel_name=daijiao-python \
    --log-level=WARN --output-dir "$OUT" "$notebook"
  ms=$((($(date +%s%N) - start) / 1000000))
  printf 'notebooks: %s executed in %d.%d s → %s\n' "$notebook" $((ms / 1000)) $((ms % 1000 / 100)) "$OUT/$(basename "$notebook")" >&2
done

# Aggregates only: an 18-character ID (17 digits and a digit or X) in an output fails the check.
if grep -lE '(^|[^0-9])[0-9]{17}[0-9Xx]([^0-9A-Za-z]|$)' "$OUT"/*.ipynb >&2; then
  echo "notebooks: the notebooks above hold an ID-shaped number in their outputs; show aggregates only." >&2
  exit 1
fi
