"""The same figures through `bin/daijiao sql` and through the DuckDB views of the last finished run.

    python .ci/duck_same_figures.py WAREHOUSE       (the Python of notebooks/python-env.sh)

Runs a set of analyst queries (counts, sums to the cent, dates, arrays, timestamps, whole tables) once through
`bin/daijiao sql --format json` (one JVM, which reads the last finished run's versions) and once through
`notebooks/daijiao_duck.py` (DuckDB over `_daijiao/duckdb-views.sql`), and requires equal results: the same columns
and the same rows, decimals with the same digits and scale. Rows are compared as multisets (no order). Also checks
the views name the warehouse's last finished run, and that the Polars and pandas helpers hand out the same rows.
Nothing here prints a row: a difference is reported by query, with counts only (the tables hold IDs and names).
"""

import datetime
import json
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

HOME = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HOME / "notebooks"))
import daijiao_duck  # noqa: E402

QUERIES = [
    # counts
    "SELECT count(*) AS persons, count(DISTINCT township) AS townships FROM silver.persons",
    "SELECT level, category, count(*) AS n, sum(target_persons) AS target, sum(insured_persons) AS insured"
    " FROM gold.coverage_stats GROUP BY level, category",
    "SELECT source, reason, count(*) AS n FROM quality.rejected_records GROUP BY source, reason",
    "SELECT * FROM quality.ingest_reconciliation",
    "SELECT action, count(*) AS n, sum(amount) AS amount FROM gold.worklist GROUP BY action",
    # sums to the cent
    "SELECT department, funding_source, batch, mode, count(*) AS persons, sum(subsidy_amount) AS subsidy,"
    " sum(self_pay_amount) AS self_pay, sum(self_paid_amount) AS self_paid,"
    " sum(government_paid_amount) AS government_paid"
    " FROM gold.subsidy_ledger GROUP BY department, funding_source, batch, mode",
    "SELECT sum(subsidy_amount) AS subsidy, sum(tier) AS tiers FROM gold.subsidy_ledger",
    "SELECT * FROM gold.department_funding",
    "SELECT * FROM gold.coverage_stats",
    "SELECT payment_year, payer_type, count(*) AS n, sum(amount) AS amount FROM silver.payments"
    " GROUP BY payment_year, payer_type",
    # dates
    "SELECT first_eligible_date, deadline, batch, count(*) AS n FROM gold.subsidy_ledger"
    " GROUP BY first_eligible_date, deadline, batch",
    "SELECT min(birth_date) AS first, max(birth_date) AS last, count(DISTINCT birth_date) AS days FROM silver.persons",
    "SELECT category, min(start_date) AS first_start, max(end_date) AS last_end FROM silver.category_periods"
    " GROUP BY category",
    "SELECT pension_age_date, count(*) AS n FROM gold.reaching_pension_age GROUP BY pension_age_date",
    # arrays
    "SELECT flags, status, count(*) AS n FROM gold.subsidy_ledger GROUP BY flags, status",
    "SELECT held_categories, reasons, eligible, in_coverage_target, insured, paid, count(*) AS n"
    " FROM gold.eligibility GROUP BY held_categories, reasons, eligible, in_coverage_target, insured, paid",
    "SELECT location_flags, sources, count(*) AS n FROM silver.persons GROUP BY location_flags, sources",
    "SELECT * FROM quality.identity_conflicts",
    # timestamps (Spark's JSON keeps milliseconds)
    "SELECT _batch_id, count(*) AS n, min(_ingested_at) AS first, max(_ingested_at) AS last"
    " FROM bronze.civil_affairs GROUP BY _batch_id",
    # whole tables, every row and column
    "SELECT * FROM gold.subsidy_ledger",
    "SELECT * FROM gold.eligibility",
    "SELECT * FROM gold.worklist",
    "SELECT * FROM silver.persons",
]


def canonical(value, timestamp=False):
    """One value as both sides can be compared: decimals with their scale, dates and instants as ISO text."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime.datetime):
        utc = value.astimezone(datetime.timezone.utc) if value.tzinfo else value
        return utc.strftime("%Y-%m-%dT%H:%M:%S.") + "%03d" % (utc.microsecond // 1000)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str) and timestamp:
        return canonical(datetime.datetime.fromisoformat(value.replace("Z", "+00:00")))
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in sorted(value.items())}
    if isinstance(value, (list, tuple)):
        return [canonical(v) for v in value]
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    raise TypeError(f"no comparison for {type(value).__name__}")


def through_sql(warehouse):
    script = ";\n".join(QUERIES) + ";\n"
    done = subprocess.run(
        [str(HOME / "bin" / "daijiao"), "sql", "--warehouse", warehouse, "--format", "json", "-f", "-"],
        input=script, capture_output=True, text=True, encoding="utf-8",
    )
    if done.returncode != 0:
        sys.exit(f"duck-check: bin/daijiao sql failed (exit {done.returncode}): {done.stderr.strip()}")
    results = []
    for line in done.stdout.splitlines():
        if not line.strip():
            continue
        doc = json.loads(line, parse_float=Decimal)
        names = [c["name"] for c in doc["columns"]]
        stamps = {c["name"] for c in doc["columns"] if c["type"] == "timestamp"}
        # Spark's JSON leaves out a row's null fields.
        rows = [json.dumps([canonical(r.get(n), n in stamps) for n in names]) for r in doc["rows"]]
        results.append((names, rows))
    return results


def through_duckdb(con):
    results = []
    for q in QUERIES:
        relation = con.sql(q)
        names = relation.columns
        rows = [json.dumps([canonical(v) for v in row]) for row in relation.fetchall()]
        results.append((names, rows))
    return results


def main():
    warehouse = str(Path(sys.argv[1]).resolve())
    con = daijiao_duck.connect(warehouse)
    marker = json.loads((Path(warehouse) / "_daijiao" / "finished-run.json").read_text(encoding="utf-8"))
    views_run = daijiao_duck.run_id(con)
    if views_run != marker["run_id"]:
        sys.exit(f"duck-check: the views show run {views_run}, the last finished run is {marker['run_id']}")
    spark, duck = through_sql(warehouse), through_duckdb(con)
    if len(spark) != len(QUERIES):
        sys.exit(f"duck-check: bin/daijiao sql returned {len(spark)} result sets for {len(QUERIES)} queries")
    different = 0
    for i, (q, (s_names, s_rows), (d_names, d_rows)) in enumerate(zip(QUERIES, spark, duck), start=1):
        if s_names != d_names:
            print(f"duck-check: query {i}: columns differ: {s_names} (sql) vs {d_names} (DuckDB)", file=sys.stderr)
            different += 1
            continue
        s, d = Counter(s_rows), Counter(d_rows)
        if s != d:
            print(f"duck-check: query {i}: {len(s_rows)} rows (sql) vs {len(d_rows)} (DuckDB),"
                  f" {sum((s - d).values())} only in sql, {sum((d - s).values())} only in DuckDB: {q[:80]}",
                  file=sys.stderr)
            different += 1
        elif not s_rows:
            print(f"duck-check: query {i} returned no rows, so it compares nothing: {q[:80]}", file=sys.stderr)
            different += 1
    # The helpers hand out the same rows as the connection.
    q = QUERIES[5]
    by_polars = sorted(json.dumps([canonical(v) for v in row]) for row in daijiao_duck.polars(q, con).rows())
    if by_polars != sorted(duck[5][1]):
        print("duck-check: the Polars helper's rows differ from DuckDB's", file=sys.stderr)
        different += 1
    by_pandas = daijiao_duck.pandas(QUERIES[0], con)
    if [int(v) for v in by_pandas.iloc[0]] != json.loads(duck[0][1][0]):
        print("duck-check: the pandas helper's counts differ from DuckDB's", file=sys.stderr)
        different += 1
    rows = sum(len(r) for _, r in spark)
    checks = len(QUERIES) + 2
    print(f"duck-check: {len(QUERIES)} queries, {rows:,} rows through bin/daijiao sql and DuckDB (run {views_run}),"
          f" and the Polars and pandas helpers:")
    print(f"duck-check: {checks - different} passed, {different} failed")
    sys.exit(1 if different else 0)


if __name__ == "__main__":
    main()
