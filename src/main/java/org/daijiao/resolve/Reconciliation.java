package org.daijiao.resolve;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.daijiao.ingest.Source;
import org.daijiao.ingest.clean.CleanColumns;
import org.daijiao.quality.QualityColumns;
import org.daijiao.quality.RejectReason;
import org.daijiao.resolve.ResolveJob.SourceCounts;
import org.daijiao.spark.ColumnNames;

/**
 * {@code quality.ingest_reconciliation}: per source, the rows read from bronze are the rows
 * accepted plus the rows rejected, each counted on its own (docs/inputs.md#reject-reasons).
 */
final class Reconciliation {
  // Working columns, read back by name.
  private static final String IS_DUPLICATE = "_is_duplicate";
  private static final String ROWS = "_rows";
  private static final String ACCEPTED = "_accepted";

  private Reconciliation() {}

  /**
   * Rows read = accepted + rejected, per source, each counted on its own: rows parsed from bronze,
   * rows that parsed (less the payment copies rejected as duplicates), and rows in {@code
   * quality.rejected_records}. A difference would mean a row was lost: the job then fails instead
   * of writing a wrong reconciliation.
   */
  static Map<String, SourceCounts> counts(Map<Source, Dataset<Row>> parsed, Dataset<Row> rejects) {
    Map<String, Long> rejectedPerSource = new LinkedHashMap<>();
    long duplicates = 0;
    for (Row r :
        rejects
            .groupBy(
                col(ColumnNames.SOURCE),
                col(ColumnNames.REASON).equalTo(RejectReason.DUPLICATE_ROW.name()).as(IS_DUPLICATE))
            .agg(count(lit(1)).as(ROWS))
            .collectAsList()) {
      long rows = r.<Long>getAs(ROWS);
      rejectedPerSource.merge(r.<String>getAs(ColumnNames.SOURCE), rows, Long::sum);
      if (r.<Boolean>getAs(IS_DUPLICATE)) {
        duplicates += rows;
      }
    }
    // Rows read and accepted of every source in one pass over the kept parse results.
    Dataset<Row> outcomes = null;
    for (Map.Entry<Source, Dataset<Row>> e : parsed.entrySet()) {
      outcomes =
          union(
              outcomes,
              e.getValue()
                  .select(
                      lit(e.getKey().folder()).as(ColumnNames.SOURCE),
                      when(col(CleanColumns.REJECT_REASON).isNull(), 1L)
                          .otherwise(0L)
                          .as(CleanColumns.REJECT_REASON)));
    }
    Map<String, Row> perSource = new LinkedHashMap<>();
    for (Row r :
        outcomes
            .groupBy(col(ColumnNames.SOURCE))
            .agg(count(lit(1)).as(ROWS), sum(col(CleanColumns.REJECT_REASON)).as(ACCEPTED))
            .collectAsList()) {
      perSource.put(r.getAs(ColumnNames.SOURCE), r);
    }
    Map<String, SourceCounts> counts = new LinkedHashMap<>();
    for (Map.Entry<Source, Dataset<Row>> e : parsed.entrySet()) {
      String source = e.getKey().folder();
      Row c = perSource.get(source);
      long read = c == null ? 0 : c.<Long>getAs(ROWS);
      long accepted = c == null || c.isNullAt(c.fieldIndex(ACCEPTED)) ? 0 : c.<Long>getAs(ACCEPTED);
      if (e.getKey() == Source.TAX_PAYMENTS) {
        accepted -= duplicates;
      }
      long rejected = rejectedPerSource.getOrDefault(source, 0L);
      if (read != accepted + rejected) {
        throw new IllegalStateException(
            source
                + ": "
                + read
                + " rows read but "
                + accepted
                + " accepted + "
                + rejected
                + " rejected");
      }
      counts.put(source, new SourceCounts(read, accepted, rejected));
    }
    return counts;
  }

  /** The rows of {@code quality.ingest_reconciliation}. */
  static Dataset<Row> rows(SparkSession spark, Map<String, SourceCounts> counts) {
    List<Row> rows = new ArrayList<>();
    counts.forEach(
        (source, c) -> rows.add(RowFactory.create(source, c.read(), c.accepted(), c.rejected())));
    return spark.createDataFrame(rows, QualityColumns.INGEST_RECONCILIATION.schema());
  }

  private static Dataset<Row> union(Dataset<Row> a, Dataset<Row> b) {
    return a == null ? b : a.unionByName(b);
  }
}
