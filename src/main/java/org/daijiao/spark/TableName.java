package org.daijiao.spark;

/**
 * A Delta table of the warehouse: {@code <warehouse>/<layer>/<table>}, queryable as {@code
 * <layer>.<table>}.
 */
public record TableName(String layer, String table) {
  public static TableName bronze(String table) {
    return new TableName("bronze", table);
  }

  public static TableName quality(String table) {
    return new TableName("quality", table);
  }

  public static TableName silver(String table) {
    return new TableName("silver", table);
  }

  public static TableName gold(String table) {
    return new TableName("gold", table);
  }

  /** {@code layer.table}, as in SQL. */
  public String qualified() {
    return layer + "." + table;
  }

  @Override
  public String toString() {
    return qualified();
  }
}
