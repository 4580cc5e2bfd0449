package org.daijiao.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Where tables live: relative warehouse paths must not be re-resolved against a database location.
 */
class WarehouseTest {
  @Test
  void relativeWarehouseIsResolvedAgainstTheWorkingDirectory() {
    Warehouse w = new Warehouse("target/ci-warehouse/");
    assertThat(w.root()).isEqualTo(Path.of("target/ci-warehouse").toAbsolutePath().toString());
    assertThat(w.pathOf(TableName.gold("coverage_stats")))
        .as("sql --warehouse target/ci-warehouse must find gold.coverage_stats there")
        .isEqualTo(Path.of("target/ci-warehouse/gold/coverage_stats").toAbsolutePath().toString());
  }

  @Test
  void uriWarehouseIsKeptAsGiven() {
    assertThat(new Warehouse("hdfs://nn:8020/daijiao/warehouse").root())
        .isEqualTo("hdfs://nn:8020/daijiao/warehouse");
    assertThat(new Warehouse("file:/data/warehouse").root()).isEqualTo("file:/data/warehouse");
  }
}
