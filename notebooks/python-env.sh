#!/usr/bin/env bash
# Prints the path of the Python that runs the analyst notebooks, .ci/duck-check and bench/duck-query, after making
# sure it has what they need:
#   - Debian's Python 3 with its Jupyter, nbconvert, pandas and matplotlib packages and a CJK font (apt-get installs
#     the missing ones, as root or with sudo; the Jupyter packages are installed for Debian's Python only);
#   - a virtual environment of its own, target/python, that sees those packages and adds DuckDB, Polars and pyarrow
#     with pip (from the package index pip is configured with). Debian's own Python is left as it is.
# It also installs the Jupyter kernel "daijiao-python" (this Python) into the environment.
# Progress goes to stderr; stdout carries only the path:  PY="$(notebooks/python-env.sh)"
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=target/python

packages=(python3-pip python3-nbconvert python3-ipykernel jupyter-notebook python3-pandas python3-matplotlib fonts-wqy-microhei)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "python-env: installing ${missing[*]} (Debian packages)…" >&2
  if [[ $(id -u) == 0 ]]; then apt=(apt-get); else apt=(sudo apt-get); fi
  "${apt[@]}" install -y --no-install-recommends "${missing[@]}" >&2 \
    || { "${apt[@]}" update >&2 && "${apt[@]}" install -y --no-install-recommends "${missing[@]}" >&2; }
fi

if [[ ! -x "$VENV/bin/python" ]]; then
  # Debian's pip (python3-pip) serves the environment: --without-pip needs no python3-venv package.
  /usr/bin/python3 -m venv --system-site-packages --without-pip "$VENV" >&2
fi
if ! "$VENV/bin/python" -c "import duckdb, polars, pyarrow" 2> /dev/null; then
  echo "python-env: installing duckdb, polars and pyarrow into $VENV (pip)…" >&2
  # No retries: where the default index is out of reach, pip goes on at once with the configured ones.
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --retries 0 duckdb polars pyarrow >&2
fi
# The kernel the notebooks run in: this environment's Python (Debian's "python3" kernel would be its own Python).
if [[ ! -f "$VENV/share/jupyter/kernels/daijiao-python/kernel.json" ]]; then
  "$VENV/bin/python" -m ipykernel install --sys-prefix --name daijiao-python --display-name "Python (daijiao)" > /dev/null
fi
echo "$PWD/$VENV/bin/python"
