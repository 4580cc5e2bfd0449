"""Reads the tables of the last finished run without Spark: DuckDB views over their Parquet files.

Every run that finishes writes `<warehouse>/_daijiao/duckdb-views.sql`: one view per table over exactly the data
files of the version that run left, named as `bin/daijiao sql` names the tables (`gold.subsidy_ledger`, also
`gold_subsidy_ledger`), plus `ops.finished_run` (the run and each table's Delta version). `connect()` opens an
in-memory DuckDB with those views; a query takes milliseconds, with no JVM. Read-only by nature: the views read
the Parquet files, nothing writes them back. Earlier runs and time travel stay with `bin/daijiao sql --run RUN_ID`
(docs/analysts.md, "Without Spark").

    from daijiao_duck import connect, pandas, polars
    con = connect()                                     # DAIJIAO_WAREHOUSE, or ../warehouse
    con.sql("SELECT level, count(*) FROM gold.coverage_stats GROUP BY 1").show()
    pandas("SELECT * FROM gold.department_funding")     # a pandas DataFrame
    polars("SELECT * FROM gold.department_funding")     # a Polars DataFrame (needs polars and pyarrow)

Environment:
  DAIJIAO_WAREHOUSE  the warehouse to read (default: ../warehouse, the one `bin/daijiao run` writes)
  DAIJIAO_YEAR       the policy year the notebooks show (default: 2022)
"""

import json
import os
import re
import time
import warnings
from pathlib import Path

import duckdb

HOME = Path(__file__).resolve().parent.parent
WAREHOUSE = os.environ.get("DAIJIAO_WAREHOUSE", str(HOME / "warehouse"))
YEAR = int(os.environ.get("DAIJIAO_YEAR", "2022"))

VIEWS_FILE = Path("_daijiao") / "duckdb-views.sql"
# The DuckDB variable the views name the warehouse by (ops/DuckViews.java).
_VARIABLE = "daijiao_warehouse"
_RUN = re.compile(r"^-- daijiao: DuckDB views of run (\S+),")

_default = None


def shown_warehouse(warehouse=None):
    """The warehouse as outputs show it: relative to the project, so that outputs name no home folder."""
    return os.path.relpath(Path(warehouse or WAREHOUSE).resolve(), HOME)


def connect(warehouse=None, database=":memory:"):
    """A DuckDB connection with the views of the warehouse's last finished run.

    The warehouse may have been moved or copied: its files are read where it is now. Warns when the views file
    shows another run than the warehouse's finished-run marker (a run finished but its views could not be written:
    `bin/daijiao duckdb-views` writes them again).
    """
    root = Path(warehouse or WAREHOUSE).resolve()
    text = _views_text(root)
    con = duckdb.connect(database)
    con.execute("SET VARIABLE %s = '%s'" % (_VARIABLE, str(root).replace("'", "''")))
    con.execute(text)
    _warn_if_behind(root, text)
    return con


def run_id(con):
    """The id of the run whose tables the connection's views show."""
    return con.sql("SELECT DISTINCT run_id FROM ops.finished_run").fetchone()[0]


def pandas(sql, con=None):
    """The result of one query as a pandas DataFrame (decimals as float64, dates as datetime64)."""
    return (con or _connection()).sql(sql).df()


def polars(sql, con=None):
    """The result of one query as a Polars DataFrame (decimals stay decimals, lists stay lists)."""
    return (con or _connection()).sql(sql).pl()


def query(*statements, con=None):
    """Runs the statements; one pandas DataFrame per statement, in order."""
    con = con or _connection()
    return [con.sql(s).df() for s in statements]


def _connection():
    """One connection per process for the warehouse of DAIJIAO_WAREHOUSE."""
    global _default
    if _default is None:
        _default = connect()
    return _default


def _views_text(root):
    views = root / VIEWS_FILE
    for attempt in range(3):
        try:
            return views.read_text(encoding="utf-8")
        except FileNotFoundError:
            # A run replacing the file deletes the old one just before it renames the new one into place.
            if attempt == 2 or not (root / "_daijiao").is_dir():
                break
            time.sleep(0.2)
    raise FileNotFoundError(
        f"{views} does not exist: write the views with `bin/daijiao duckdb-views --warehouse {root}` "
        f"(every `bin/daijiao run` that finishes writes them; a folder without _daijiao/ is not a warehouse)"
    )


def _warn_if_behind(root, text):
    match = _RUN.match(text)
    try:
        marker = json.loads((root / "_daijiao" / "finished-run.json").read_text(encoding="utf-8"))["run_id"]
    except (OSError, ValueError, KeyError):
        return
    if match and match.group(1) != marker:
        warnings.warn(
            f"the DuckDB views show run {match.group(1)}, but the last finished run is {marker}: "
            f"run `bin/daijiao duckdb-views --warehouse {root}` to read it",
            stacklevel=3,
        )
