package org.daijiao.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.apache.spark.sql.delta.VersionChecksum;
import org.apache.spark.sql.delta.actions.AddFile;
import org.apache.spark.sql.types.StructType;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.spark.SparkSessions;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Warehouse;
import scala.Option;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * The data files of a Delta table at one version, as Delta's own log lists them: the files a
 * Parquet reader must read, and no other, to see the table as that version left it (a table's
 * folder also holds the files that later or earlier commits removed). Refuses a table that uses a
 * Delta feature a plain Parquet reader would miss: deletion vectors (rows hidden inside a file) or
 * column mapping (columns stored under other names).
 *
 * @param table the table
 * @param version its Delta version
 * @param schema its columns at that version
 * @param partitionColumns its partition columns (none in daijiao's own tables)
 * @param files its data files, in the log's order sorted by path
 */
record TableFiles(
    TableName table,
    long version,
    StructType schema,
    List<String> partitionColumns,
    List<DataFile> files) {

  /**
   * One data file.
   *
   * @param qualified the file's fully qualified location ({@code file:/…/part-….parquet}), as
   *     Delta's symlink manifests name files
   * @param relative the file's path under the warehouse root ({@code gold/x/part-….parquet}), or
   *     null when it lies outside the warehouse
   * @param partitionValues the file's partition values (column → value as Delta's log writes it;
   *     null for a null value)
   */
  record DataFile(String qualified, String relative, Map<String, String> partitionValues) {}

  TableFiles {
    partitionColumns = List.copyOf(partitionColumns);
    files = List.copyOf(files);
  }

  /**
   * The table's files at {@code version}, read from its Delta log (its snapshot at that version; a
   * few milliseconds when the version's checksum lists the files, as Delta 3 writes it).
   *
   * @throws UserFacingException when that version can no longer be read, or the table uses a Delta
   *     feature a Parquet reader would miss
   */
  static TableFiles at(SparkSession spark, Warehouse warehouse, TableName table, long version) {
    DeltaLog log = DeltaLog.forTable(spark, warehouse.pathOf(table));
    Snapshot snapshot;
    try {
      snapshot = log.getSnapshotAt(version, Option.empty(), Option.empty());
    } catch (RuntimeException e) {
      throw new UserFacingException(
          Code.WAREHOUSE,
          "Version "
              + version
              + " of "
              + table
              + ", which the last finished run left, cannot be read from its Delta log ("
              + e.getClass().getSimpleName()
              + "): its history was removed or the table was changed outside daijiao. Run the"
              + " pipeline again, then `bin/daijiao duckdb-views`.",
          e);
    }
    String mapping = snapshot.metadata().columnMappingMode().name();
    if (!"none".equals(mapping)) {
      throw unsupported(table, version, "column mapping (mode " + mapping + ")");
    }
    Path root = qualified(spark, new Path(warehouse.root()));
    String rootText = root.toString() + "/";
    List<DataFile> files = new ArrayList<>();
    for (AddFile add : addFiles(snapshot)) {
      if (add.deletionVector() != null) {
        throw unsupported(table, version, "deletion vectors");
      }
      String qualified = qualified(spark, add.absolutePath(log)).toString();
      String relative =
          qualified.startsWith(rootText) ? qualified.substring(rootText.length()) : null;
      Map<String, String> values = new LinkedHashMap<>();
      if (add.partitionValues() != null) {
        values.putAll(JavaConverters.mapAsJavaMap(add.partitionValues()));
      }
      files.add(new DataFile(qualified, relative, values));
    }
    files.sort(java.util.Comparator.comparing(DataFile::qualified));
    return new TableFiles(
        table,
        version,
        snapshot.metadata().schema(),
        JavaConverters.seqAsJavaList(snapshot.metadata().partitionColumns()),
        files);
  }

  /**
   * The version's files: from its checksum file, where Delta wrote them there when it committed the
   * version (it does for tables of a few hundred files, as daijiao's are), else by replaying the
   * log (a Spark job per table: measured about 3 s a table on a cold session under load).
   */
  private static List<AddFile> addFiles(Snapshot snapshot) {
    Option<VersionChecksum> checksum = snapshot.checksumOpt();
    if (checksum.isDefined() && checksum.get().allFiles().isDefined()) {
      Seq<AddFile> files = checksum.get().allFiles().get();
      if (files.size() == checksum.get().numFiles()) {
        return JavaConverters.seqAsJavaList(files);
      }
    }
    return snapshot.allFiles().collectAsList();
  }

  private static Path qualified(SparkSession spark, Path path) {
    try {
      FileSystem fs = SparkSessions.fileSystem(spark, path);
      return fs.makeQualified(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static UserFacingException unsupported(TableName table, long version, String feature) {
    return new UserFacingException(
        Code.WAREHOUSE,
        "Table "
            + table
            + " (version "
            + version
            + ") uses "
            + feature
            + ", which a Parquet reader such as DuckDB does not apply: no manifest or view is"
            + " written for the run; read the table with `bin/daijiao sql` (docs/analysts.md).");
  }
}
