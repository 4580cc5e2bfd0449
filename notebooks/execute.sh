#!/usr/bin/env bash
# Executes the analyst notebooks headlessly against a warehouse, as `.ci/run` does after its smoke run:
#   notebooks/execute.sh WAREHOUSE [OUT_DIR]     executed copies in OUT_DIR (default target/notebooks)
#   notebooks/execute.sh WAREHOUSE notebooks     refreshes the committed notebooks' outputs in place
# Fails when a notebook raises (a query, a chart, or a reconciliation assert) and when an executed notebook holds
# an ID-shaped number. Jupyter, nbconvert, pandas, matplotlib and a CJK font come from Debian's packages
# (PyPI is not needed); missing ones are installed with apt-get (as root, or with sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $# -lt 1 || ! -d "$1" ]]; then
  echo "usage: notebooks/execute.sh WAREHOUSE [OUT_DIR] (WAREHOUSE: a folder written by bin/daijiao run)" >&2
  exit 1
fi
WAREHOUSE="$(cd "$1" && pwd)"
OUT="${2:-target/notebooks}"
# Debian's Python: the one its Jupyter packages are installed for (a pyenv or venv python3 on PATH is not).
PY=/usr/bin/python3

packages=(python3-nbconvert python3-ipykernel jupyter-notebook python3-pandas python3-matplotlib fonts-wqy-microhei)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "notebooks: installing ${missing[*]} (Debian packages)…" >&2
  if [[ $(id -u) == 0 ]]; then apt=(apt-get); else apt=(sudo apt-get); fi
  "${apt[@]}" install -y --no-install-recommends "${missing[@]}" >&2 \
    || { "${apt[@]}" update >&2 && "${apt[@]}" install -y --no-install-recommends "${missing[@]}" >&2; }
fi

mkdir -p "$OUT"
for notebook in notebooks/*.ipynb; do
  start=$SECONDS
  # The kernel runs in notebooks/ (nbconvert's default), where daijiao_sql.py is.
  DAIJIAO_WAREHOUSE="$WAREHOUSE" PYDEVD_DISABLE_FILE_VALIDATION=1 \
    "$PY" -Xfrozen_modules=off -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 \
    --log-level=WARN --output-dir "$OUT" "$notebook"
  echo "notebooks: $notebook executed in $((SECONDS - start)) s → $OUT/$(basename "$notebook")" >&2
done

# Aggregates only: an 18-character ID (17 digits and a digit or X) in an output fails the check.
if grep -lE '(^|[^0-9])[0-9]{17}[0-9Xx]([^0-9A-Za-z]|$)' "$OUT"/*.ipynb >&2; then
  echo "notebooks: the notebooks above hold an ID-shaped number in their outputs; show aggregates only." >&2
  exit 1
fi
