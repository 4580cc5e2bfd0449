"""Reads the warehouse tables for the notebooks through daijiao's own interface.

Every notebook makes one call of `query(...)`: it runs `bin/daijiao sql --format json -f -` once (one JVM and
Spark start, ~10-15 s) with all the notebook's statements, read-only (daijiao sql refuses writes), and turns the
one JSON document per statement into a pandas DataFrame. No business rule lives here or in the notebooks: the
figures are the gold and quality tables' own; the notebooks only select, sum and draw them.

Environment:
  DAIJIAO_WAREHOUSE  the warehouse to read (default: ../warehouse, the one `bin/daijiao run` writes)
  DAIJIAO_YEAR       the policy year (default: 2022)
"""

import json
import os
import subprocess
from pathlib import Path

import pandas as pd

HOME = Path(__file__).resolve().parent.parent
WAREHOUSE = os.environ.get("DAIJIAO_WAREHOUSE", str(HOME / "warehouse"))
YEAR = int(os.environ.get("DAIJIAO_YEAR", "2022"))

_NUMERIC = ("tinyint", "smallint", "int", "bigint", "float", "double", "decimal")


def shown_warehouse():
    """The warehouse as it is shown in outputs: relative to the project, so outputs name no home folder."""
    return os.path.relpath(WAREHOUSE, HOME)


def query(*statements):
    """Runs the statements in one `daijiao sql` call; returns one DataFrame per statement, in order."""
    script = ";\n".join(s.strip().rstrip(";") for s in statements) + ";\n"
    done = subprocess.run(
        [str(HOME / "bin" / "daijiao"), "sql", "--warehouse", WAREHOUSE, "--format", "json", "-f", "-"],
        input=script,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    if done.returncode != 0:
        # daijiao's messages name the statement and never quote data; they are the error to show.
        raise RuntimeError("daijiao sql failed (exit %d): %s" % (done.returncode, done.stderr.strip()))
    frames = [_frame(json.loads(line)) for line in done.stdout.splitlines() if line.strip()]
    if len(frames) != len(statements):
        raise RuntimeError("expected %d result sets, got %d" % (len(statements), len(frames)))
    return frames


def _frame(document):
    columns = document["columns"]
    frame = pd.DataFrame.from_records(document["rows"], columns=[c["name"] for c in columns])
    for c in columns:
        if c["type"].startswith(_NUMERIC):
            frame[c["name"]] = pd.to_numeric(frame[c["name"]])
        elif c["type"] in ("date", "timestamp"):
            frame[c["name"]] = pd.to_datetime(frame[c["name"]])
    return frame
