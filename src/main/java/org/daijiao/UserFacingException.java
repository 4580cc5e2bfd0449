package org.daijiao;

/**
 * An error the user can act on: a bad input file, a policy file that cannot be used, a missing
 * table, a wrong option. The one type the command line reports as a one-line cause (exit code 1);
 * anything else is an internal error. Its message says what is wrong, where (file, line, column)
 * and how to fix this case; its {@link Code} says which kind of problem it is and where the fix
 * lies. Messages never contain an ID number or a name.
 */
public class UserFacingException extends RuntimeException {
  /** What kind of problem it is, and so where the user must look to fix it. */
  public enum Code {
    /** A command-line option: a date, an ID number, a folder that is not there. */
    OPTION("correct the option (see --help) and run the command again"),
    /** The input folder or one of the department exports in it. */
    INPUT("correct the export file or folder named, or export it again; no table was changed"),
    /** The policy file. */
    POLICY("correct the policy file at the keys named, or pass the right one with --policy"),
    /** A table the command reads has not been written yet. */
    MISSING_TABLE("run the stage that writes it first (bin/daijiao run runs them all)"),
    /** A query of {@code daijiao sql}. */
    QUERY("correct the query; tables are named <layer>.<table>"),
    /** A statement of {@code daijiao sql} that would change a table, without --allow-writes. */
    READ_ONLY(
        "nothing was run; if the change is intended, run it again with --allow-writes (a table"
            + " changed by hand is replaced by the next bin/daijiao run)"),
    /** The county secret behind the pseudonyms of the analyst export. */
    SECRET("set DAIJIAO_PSEUDONYM_KEY, or DAIJIAO_PSEUDONYM_KEY_FILE to a file holding the key"),
    /** Another run is writing to the warehouse. */
    LOCKED("wait until the other run has finished, or pass --wait MINUTES"),
    /**
     * The warehouse or its run records: written by a newer daijiao, a run id that is not recorded,
     * a retention that would cut the audit horizon.
     */
    WAREHOUSE(
        "see the message: `bin/daijiao runs` lists the recorded runs (docs/operations.md#run-records)"),
    /** A table whose log or data files are damaged or missing (docs/operations.md). */
    DAMAGED_TABLE(
        "restore the table from a backup, or rebuild it as the message says; `bin/daijiao maintain"
            + " --check` lists every damaged table (docs/operations.md)"),
    /** The disk under the warehouse, or Spark's scratch folder, is full. */
    DISK_FULL(
        "free space on that disk or move the warehouse to a larger one, then run again; the tables"
            + " are as the last finished run left them (docs/operations.md)"),
    /** The file system refused to read or write a file or folder. */
    PERMISSION("give the user that runs daijiao access to the folder named, then run again"),
    /** The driver ran out of memory. */
    MEMORY(
        "give the driver more memory: DAIJIAO_JAVA_OPTS=\"-Xmx8g\" for bin/daijiao (default -Xmx4g),"
            + " DAIJIAO_DRIVER_MEMORY for jobs/spark-submit.sh; then run again");

    private final String fix;

    Code(String fix) {
      this.fix = fix;
    }

    /** How to fix a problem of this kind, in general; the message says it for the case at hand. */
    public String fix() {
      return fix;
    }
  }

  private final Code code;

  public UserFacingException(Code code, String message) {
    super(message);
    this.code = code;
  }

  public UserFacingException(Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public Code code() {
    return code;
  }

  /** How to fix a problem of this kind ({@link Code#fix}). */
  public String fix() {
    return code.fix();
  }
}
