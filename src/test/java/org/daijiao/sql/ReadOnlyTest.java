package org.daijiao.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.daijiao.TestSpark;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9: sql is read-only by default, decided on the plan Spark's parser (with Delta's extension)
 * makes of a statement. Every kind of change is recognised; every way of reading passes. Parsing
 * only: nothing runs (the command-line test runs the refusals against a real table).
 */
class ReadOnlyTest {
  private static Optional<String> change(String sql) throws Exception {
    LogicalPlan plan = TestSpark.session().sessionState().sqlParser().parsePlan(sql);
    return ReadOnly.change(plan);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "INSERT INTO gold.worklist SELECT * FROM gold.worklist",
        "INSERT OVERWRITE gold.worklist SELECT * FROM gold.worklist",
        "INSERT INTO gold.worklist REPLACE WHERE policy_year = 2022 SELECT * FROM gold.worklist",
        "FROM gold.worklist INSERT INTO gold.worklist SELECT *",
        "WITH w AS (SELECT * FROM gold.worklist) INSERT INTO gold.worklist SELECT * FROM w",
        "INSERT OVERWRITE DIRECTORY '/tmp/out' USING csv SELECT * FROM gold.worklist",
        "UPDATE gold.subsidy_ledger SET subsidy_amount = 0",
        "DELETE FROM gold.subsidy_ledger",
        "MERGE INTO gold.subsidy_ledger t USING gold.subsidy_ledger s ON t.id_number = s.id_number"
            + " WHEN MATCHED THEN DELETE",
        "DROP TABLE gold.subsidy_ledger",
        "DROP DATABASE gold CASCADE",
        "DROP VIEW v",
        "ALTER TABLE gold.subsidy_ledger ADD COLUMN x INT",
        "ALTER TABLE gold.subsidy_ledger SET TBLPROPERTIES ('a' = 'b')",
        "ALTER TABLE gold.subsidy_ledger ALTER COLUMN tier COMMENT 'x'",
        "ALTER TABLE gold.subsidy_ledger RENAME TO gold.x",
        "COMMENT ON TABLE gold.subsidy_ledger IS 'x'",
        "CREATE TABLE gold.x (a INT) USING delta",
        "CREATE TABLE gold.x USING delta AS SELECT * FROM gold.subsidy_ledger",
        "CREATE OR REPLACE TABLE gold.subsidy_ledger USING delta AS SELECT 1 AS a",
        "CREATE VIEW gold.v AS SELECT 1",
        "CREATE GLOBAL TEMPORARY VIEW v AS SELECT 1",
        "CREATE TEMPORARY VIEW v AS SELECT * FROM gold.x WHERE a IN (SELECT reflect('java.lang.System', 'exit', 0))",
        "CREATE DATABASE x",
        "CREATE FUNCTION f AS 'x.Y'",
        "TRUNCATE TABLE gold.subsidy_ledger",
        "OPTIMIZE gold.subsidy_ledger",
        "VACUUM gold.subsidy_ledger RETAIN 0 HOURS",
        "RESTORE TABLE gold.subsidy_ledger TO VERSION AS OF 0",
        "CREATE TABLE gold.copy SHALLOW CLONE gold.subsidy_ledger",
        "CONVERT TO DELTA parquet.`/tmp/x`",
        "REORG TABLE gold.subsidy_ledger APPLY (PURGE)",
        "GENERATE symlink_format_manifest FOR TABLE gold.subsidy_ledger",
        "ANALYZE TABLE gold.subsidy_ledger COMPUTE STATISTICS",
        "CACHE TABLE gold.subsidy_ledger",
        "REFRESH TABLE gold.subsidy_ledger",
        "MSCK REPAIR TABLE gold.subsidy_ledger",
        "LOAD DATA INPATH '/tmp/x' INTO TABLE gold.subsidy_ledger",
        "ADD JAR /tmp/x.jar",
        "SELECT TRANSFORM(id_number) USING 'rm -rf /' FROM gold.subsidy_ledger",
        "SELECT reflect('java.lang.System', 'exit', 0)",
        "SELECT * FROM gold.x WHERE EXISTS (SELECT java_method('java.lang.System', 'exit', 0))",
      })
  void aStatementThatWouldChangeSomethingIsRecognised(String sql) throws Exception {
    assertThat(change(sql)).as("what would change something in: %s", sql).isPresent();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "SELECT * FROM gold.coverage_stats WHERE level = 'COUNTY'",
        "SELECT township, count(*) FROM gold.worklist GROUP BY township ORDER BY 2 DESC LIMIT 5",
        "WITH t AS (SELECT * FROM gold.coverage_stats) SELECT * FROM t JOIN t u ON t.level = u.level",
        "SELECT * FROM gold.eligibility WHERE id_number IN (SELECT id_number FROM gold.subsidy_ledger)",
        "SELECT reason, count(*) FROM gold.eligibility LATERAL VIEW explode(reasons) r AS reason GROUP BY 1",
        "SELECT * FROM gold.coverage_stats VERSION AS OF 0",
        "SELECT * FROM gold.coverage_stats TIMESTAMP AS OF '2022-12-31 00:00:00'",
        "SELECT * FROM gold.a UNION ALL SELECT * FROM gold.b EXCEPT SELECT * FROM gold.c",
        "SELECT * FROM gold.a TABLESAMPLE (10 PERCENT)",
        "SELECT rank() OVER (PARTITION BY township ORDER BY insured_rate) FROM gold.coverage_stats",
        "SELECT * FROM gold.a PIVOT (sum(n) FOR k IN ('A', 'B'))",
        "VALUES (1, 'a'), (2, 'b')",
        "SELECT * FROM range(10)",
        "SHOW TABLES",
        "SHOW TABLES IN gold",
        "SHOW DATABASES",
        "SHOW COLUMNS IN gold.subsidy_ledger",
        "SHOW TBLPROPERTIES gold.subsidy_ledger",
        "SHOW CREATE TABLE gold.subsidy_ledger",
        "SHOW FUNCTIONS",
        "DESCRIBE gold.subsidy_ledger",
        "DESCRIBE TABLE EXTENDED gold.subsidy_ledger",
        "DESCRIBE gold.subsidy_ledger tier",
        "DESCRIBE HISTORY gold.subsidy_ledger",
        "DESCRIBE DETAIL gold.subsidy_ledger",
        "DESCRIBE QUERY SELECT * FROM gold.subsidy_ledger",
        "DESCRIBE FUNCTION explode",
        "EXPLAIN SELECT * FROM gold.subsidy_ledger",
        "EXPLAIN DELETE FROM gold.subsidy_ledger",
        "CREATE TEMPORARY VIEW v AS SELECT * FROM gold.subsidy_ledger",
        "CREATE OR REPLACE TEMP VIEW v AS SELECT * FROM gold.subsidy_ledger",
        "SET spark.sql.shuffle.partitions = 2",
        "RESET",
        "USE gold",
      })
  void aStatementThatOnlyReadsPasses(String sql) throws Exception {
    assertThat(change(sql)).as("what would change something in: %s", sql).isEmpty();
  }
}
