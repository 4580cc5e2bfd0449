package org.daijiao.cli;

import java.io.PrintStream;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.daijiao.ops.WarehouseCheck;
import org.daijiao.spark.TableCheck;
import org.daijiao.spark.TableDamage;
import org.daijiao.spark.Tables;
import org.daijiao.spark.Warehouse;

/**
 * {@code maintain --check}: one line per table on stdout (OK, or what is wrong and the way out),
 * then, when any is damaged, the one-line error of the first (exit code 1).
 */
final class WarehouseCheckLines {
  private WarehouseCheckLines() {}

  static void print(SparkSession spark, Warehouse warehouse, PrintStream out) {
    List<WarehouseCheck.Verdict> verdicts = WarehouseCheck.verdicts(spark, warehouse);
    int width = verdicts.stream().mapToInt(v -> v.table().qualified().length()).max().orElse(0);
    for (WarehouseCheck.Verdict v : verdicts) {
      String name = String.format("%-" + width + "s", v.table().qualified());
      out.println(
          v.damage()
              .map(d -> "DAMAGED " + name + "  " + d.line(warehouse.root()))
              .orElse(
                  "OK      "
                      + name
                      + "  "
                      + (v.version() >= 0 && !v.table().equals(Tables.RUNS)
                          ? "version " + v.version() + ", as the last finished run left it"
                          : "latest version")));
    }
    out.flush();
    List<TableDamage> damaged = verdicts.stream().flatMap(v -> v.damage().stream()).toList();
    if (!damaged.isEmpty()) {
      throw new TableCheck.DamagedTableException(damaged, warehouse.root());
    }
    if (verdicts.isEmpty()) {
      out.println("No table in " + warehouse.root() + " yet.");
    }
  }
}
