package org.daijiao.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.daijiao.PipelineFixture;
import org.daijiao.TestSpark;
import org.daijiao.spark.TableName;
import org.daijiao.spark.Warehouse;
import org.junit.jupiter.api.Test;

/**
 * The history versions the stats stage reads the year's other as_ofs at. A run killed while it
 * created a history table leaves the table's folder and an empty {@code _delta_log}: the next run
 * must read nothing there (the crash check's run after a kill in stats failed with "Cannot time
 * travel Delta table to version -1").
 */
class StatsJobEarlierVersionsTest {
  private static final SparkSession SPARK = TestSpark.session();

  @Test
  void aHistoryTableWhoseLogHoldsNoCommitIsReadAsNeverWritten() throws Exception {
    Warehouse warehouse = new Warehouse(PipelineFixture.tempDir("earlier-versions").toString());
    TableName target = HistoryColumns.TARGET_HISTORY.table();
    Files.createDirectories(Path.of(warehouse.pathOf(target), "_delta_log"));
    TableName coverage = HistoryColumns.COVERAGE_HISTORY.table();
    Path coverageLog = Files.createDirectories(Path.of(warehouse.pathOf(coverage), "_delta_log"));
    Files.writeString(coverageLog.resolve("00000000000000000000.json"), "{}\n");
    Files.writeString(coverageLog.resolve("00000000000000000001.json"), "{}\n");

    Map<TableName, Long> versions = StatsJob.committedVersions(SPARK, warehouse);

    assertThat(warehouse.exists(SPARK, target)).isTrue();
    assertThat(versions).doesNotContainKey(target);
    assertThat(versions).containsEntry(coverage, 1L);
    assertThat(versions).doesNotContainKey(HistoryColumns.WORKLIST_HISTORY.table());
  }
}
