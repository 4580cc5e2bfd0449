package org.daijiao.privacy;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.daijiao.coverage.HistoryColumns;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.SpreadsheetText;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Warehouse;

/**
 * {@code daijiao export --for analysts}: copies of the gold tables that may leave the data team
 * (docs/privacy.md#analyst-export). {@code id_number} becomes {@value #PSEUDONYM} (a keyed HMAC,
 * see {@link Pseudonyms}) in the same position (empty where the table already masks the ID, as
 * {@code gold.worklist} does), {@code name} is dropped; every other column is kept as it is.
 *
 * <p>Format: one CSV file per table ({@code <out>/<table>.csv}, UTF-8 with a byte-order mark so
 * that Excel and WPS show the Chinese text, RFC 4180, dates {@code yyyy-MM-dd}, arrays as JSON,
 * null as an empty field, a text that a spreadsheet would take for a formula with a quote in front:
 * {@link SpreadsheetText}). CSV rather than Parquet because the county's analysts open these files
 * in Excel; the gold tables are county-sized (thousands of rows), so they are streamed through the
 * driver. Files and the output folder are created readable by their owner only.
 *
 * <p>The copies are pseudonymised, not anonymous: village, category and dates remain, and whoever
 * holds the county secret can recompute a person's pseudonym. They are still personal data, for
 * named analysts only.
 */
public final class AnalystExport {
  /** The column that replaces {@code id_number}. */
  public static final String PSEUDONYM = "person_pseudonym";

  /** One exported table. */
  public record Written(TableName table, Path file, long rows) {}

  private AnalystExport() {}

  /**
   * The analyst-safe form of one table: {@code id_number} replaced by its pseudonym, {@code name}
   * dropped.
   *
   * <p>A UDF rather than built-ins: Spark 3.5 has no HMAC function. HMAC could be spelled with
   * {@code sha2} and {@code concat} over the padded key, but the padded key would then be a literal
   * of the query plan, which Spark prints in its logs and UI; the UDF keeps it inside the (tested)
   * {@link Pseudonyms} object.
   */
  public static Dataset<Row> forAnalysts(Dataset<Row> table, Pseudonyms pseudonyms) {
    UserDefinedFunction pseudonym =
        udf((UDF1<String, String>) pseudonyms::of, DataTypes.StringType);
    List<Column> columns = new ArrayList<>();
    // The work list's history holds the full ID beside the masked one: the full one is
    // pseudonymised.
    String idColumn =
        List.of(table.columns()).contains(HistoryColumns.PERSON_ID_NUMBER)
            ? HistoryColumns.PERSON_ID_NUMBER
            : ColumnNames.ID_NUMBER;
    for (String c : table.columns()) {
      if (c.equals(ColumnNames.ID_NUMBER) && !c.equals(idColumn)) {
        continue;
      }
      if (c.equals(idColumn)) {
        // A work list holds masked IDs (500243********123X): their HMAC would give everybody who
        // shares a mask one pseudonym, so a masked ID has none.
        columns.add(
            when(col(c).contains("*"), lit(null).cast(DataTypes.StringType))
                .otherwise(pseudonym.apply(col(c)))
                .as(PSEUDONYM));
      } else if (!c.equals(ColumnNames.NAME)) {
        columns.add(col("`" + c + "`"));
      }
    }
    return table.select(columns.toArray(new Column[0]));
  }

  /** Writes every gold table of the warehouse to {@code out}, replacing earlier copies. */
  public static List<Written> write(
      SparkSession spark, Warehouse warehouse, Pseudonyms pseudonyms, Path out) {
    List<Written> written = new ArrayList<>();
    createPrivateDirectory(out);
    for (TableName t : warehouse.tables(spark)) {
      if (t.layer().equals("gold")) {
        Path file = out.resolve(t.table() + ".csv");
        // A clerk's =1+1 in a village must not run in the analyst's spreadsheet.
        long rows =
            writeCsv(
                SpreadsheetText.asText(forAnalysts(warehouse.read(spark, t), pseudonyms)), file);
        written.add(new Written(t, file, rows));
      }
    }
    return written;
  }

  private static long writeCsv(Dataset<Row> text, Path file) {
    String[] header = text.columns();
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    long rows = 0;
    try {
      createPrivateFile(tmp);
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
          CSVPrinter printer =
              new CSVPrinter(
                  w,
                  CSVFormat.RFC4180
                      .builder()
                      .setRecordSeparator("\r\n")
                      .setHeader(header)
                      .build())) {
        w.write('\uFEFF');
        Iterator<Row> it = text.toLocalIterator();
        while (it.hasNext()) {
          printer.printRecord(cells(it.next()));
          rows++;
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
    return rows;
  }

  private static List<String> cells(Row r) {
    List<String> values = new ArrayList<>(r.size());
    for (int i = 0; i < r.size(); i++) {
      values.add(r.isNullAt(i) ? "" : r.getString(i));
    }
    return values;
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  private static void createPrivateDirectory(Path dir) {
    try {
      if (Files.notExists(dir)) {
        if (posix()) {
          Files.createDirectories(
              dir,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
          Files.createDirectories(dir);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the output folder " + dir, e);
    }
  }

  private static void createPrivateFile(Path file) throws IOException {
    Files.deleteIfExists(file);
    if (posix()) {
      Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
      Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
    } else {
      Files.createFile(file);
    }
  }
}
