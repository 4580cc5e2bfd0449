package org.daijiao.spark;

/**
 * What is wrong with one table of the warehouse, and the way out (docs/operations.md, "A damaged
 * table, a full disk").
 *
 * @param table the table
 * @param version the Delta version that was checked (-1 when the log could not be listed)
 * @param kind what kind of damage
 * @param detail which file and how, without any row's content
 */
public record TableDamage(TableName table, long version, Kind kind, String detail) {
  /** The kinds of damage a table's folder can have. */
  public enum Kind {
    /** The folder holds no {@code _delta_log}: nothing says which files make the table. */
    MISSING_LOG("its Delta log is missing"),
    /** A log file cannot be parsed, is empty, or a commit or checkpoint is missing. */
    UNREADABLE_LOG("its Delta log is damaged"),
    /** The log's files do not add up to what the version's checksum file records. */
    CHECKSUM_MISMATCH("its Delta log fails its checksum"),
    /** A data file the log lists is not there. */
    MISSING_FILE("a data file is missing"),
    /** A data file the log lists has another size than the log records. */
    WRONG_SIZE("a data file has another size than its log records"),
    /** The folder or a file in it cannot be read by this user. */
    NO_PERMISSION("it cannot be read (permission denied)");

    private final String summary;

    Kind(String summary) {
      this.summary = summary;
    }

    public String summary() {
      return summary;
    }
  }

  /**
   * How to get the table back. A bronze, quality or silver table is rebuilt from the exports by a
   * run; a gold table holds every policy year and as_of the warehouse kept, which a run does not
   * rebuild (it decides one year as of one date); {@code ops.runs} is the record of the runs.
   */
  public String wayOut(String warehouseRoot) {
    if (kind == Kind.NO_PERMISSION) {
      return "give the user that runs daijiao read access to "
          + warehouseRoot
          + "/"
          + table.layer()
          + "/"
          + table.table()
          + " (and everything in it), then run the command again";
    }
    String restore =
        "restore it from the last backup (bin/daijiao restore --from DIR --warehouse "
            + warehouseRoot
            + ")";
    return switch (table.layer()) {
      case "bronze", "quality", "silver" ->
          restore
              + ", or move the folder "
              + warehouseRoot
              + "/"
              + table.layer()
              + "/"
              + table.table()
              + " away and rerun bin/daijiao run, which rebuilds it from the exports (its history"
              + " is then lost)";
      case "gold" ->
          restore
              + "; a rerun cannot bring it back: it rebuilds only the year and as_of it is given,"
              + " not the other years and months the table keeps";
      default -> restore + "; the record of the runs is not rebuilt by a run";
    };
  }

  /** The one line the user reads: the table, what is wrong, the way out. */
  public String line(String warehouseRoot) {
    return "Table "
        + table
        + " is damaged: "
        + kind.summary()
        + " — "
        + detail
        + (version >= 0 ? " (version " + version + ")" : "")
        + ". Nothing was changed; "
        + wayOut(warehouseRoot)
        + " (docs/operations.md).";
  }
}
