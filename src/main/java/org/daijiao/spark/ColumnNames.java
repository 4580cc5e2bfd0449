package org.daijiao.spark;

/**
 * The column names that tables of more than one layer share, each written once: the contracts
 * ({@link TableContract}) of bronze, quality, silver, gold and ops name these columns from here,
 * and a layer's own *Columns class names only the columns its tables add
 * (docs/development.md#table-contracts).
 */
public final class ColumnNames {
  public static final String ID_NUMBER = "id_number";
  public static final String NAME = "name";
  public static final String TOWNSHIP = "township";
  public static final String VILLAGE = "village";
  public static final String LEVEL = "level";

  /**
   * The column of every gold table that holds the policy year: gold tables are replaced one year at
   * a time on it, so that years coexist (docs/decisions.md#snapshots).
   */
  public static final String POLICY_YEAR = "policy_year";

  public static final String CATEGORY = "category";
  public static final String TARGET = "target";

  /** Fields of an {@link #INPUT_FILES} element. */
  public static final String SOURCE = "source";

  public static final String START_DATE = "start_date";
  public static final String END_DATE = "end_date";
  public static final String SOURCE_FILE = "source_file";
  public static final String LINE = "line";
  public static final String REASON = "reason";
  public static final String SCHEME = "scheme";
  public static final String REGION_CODE = "region_code";
  public static final String STATUS = "status";
  public static final String TIER = "tier";
  public static final String TIER_RAW = "tier_raw";
  public static final String PERSON_NUMBER = "person_number";
  public static final String PAYMENT_YEAR = "payment_year";
  public static final String AMOUNT = "amount";
  public static final String PAID_DATE = "paid_date";
  public static final String PAYER_TYPE = "payer_type";

  /** The official code of a township (9 digits). */
  public static final String TOWNSHIP_CODE = "township_code";

  /** The official code of a village (12 digits). */
  public static final String VILLAGE_CODE = "village_code";

  public static final String BIRTH_DATE = "birth_date";

  /** The column of every gold table that holds the run's as_of; the history tables' second key. */
  public static final String AS_OF = "as_of";

  public static final String ACTION = "action";
  public static final String DEPARTMENT = "department";
  public static final String INSURED = "insured";
  public static final String PENSION_AGE_DATE = "pension_age_date";
  public static final String TARGET_PERSONS = "target_persons";
  public static final String INSURED_PERSONS = "insured_persons";
  public static final String INSURED_RATE = "insured_rate";
  public static final String SUBSIDY_AMOUNT = "subsidy_amount";
  public static final String FUNDING_SOURCE = "funding_source";
  public static final String BATCH = "batch";
  public static final String MODE = "mode";
  public static final String DEADLINE = "deadline";
  public static final String SOURCES = "sources";

  /** Fields of a {@link #SOURCES} element. */
  public static final String ROWS_READ = "rows_read";

  public static final String ROWS_ACCEPTED = "rows_accepted";
  public static final String ROWS_REJECTED = "rows_rejected";
  public static final String SEX = "sex";

  /**
   * docs/inputs.md#id-repair, FIX_ID rows of the work list: which department's row, the masked
   * candidate, where.
   */
  public static final String CANDIDATE_ID_NUMBER = "candidate_id_number";

  /** The disability roster's certificate number and grade, in bronze and read by clean. */
  public static final String CERTIFICATE_NUMBER = "certificate_number";

  public static final String DISABILITY_GRADE = "disability_grade";

  private ColumnNames() {}
}
