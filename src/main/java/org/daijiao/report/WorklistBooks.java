package org.daijiao.report;

import static org.apache.spark.sql.functions.col;

import java.math.BigDecimal;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.daijiao.UserFacingException;
import org.daijiao.UserFacingException.Code;
import org.daijiao.identity.Divisions;
import org.daijiao.identity.IdNumber;
import org.daijiao.spark.ColumnNames;
import org.daijiao.spark.JobContext;
import org.daijiao.spark.Tables;

/**
 * The open actions of {@code gold.worklist} of one year, as the clerks get them: per township (in
 * official order), per village (in official order), and in each village by the person's name, so
 * that all of one person's actions stand together and a name is found as in a register. IDs are
 * masked again on the way in ({@link IdNumber#mask} keeps a masked ID as it is): a full ID never
 * reaches a list.
 */
final class WorklistBooks {
  /**
   * One open action of one person; {@code opened}: new on the list since the previous recorded
   * as_of (新增).
   */
  record Entry(
      String name,
      String maskedId,
      String category,
      String action,
      BigDecimal amount,
      LocalDate deadline,
      boolean opened) {
    Entry(
        String name,
        String maskedId,
        String category,
        String action,
        BigDecimal amount,
        LocalDate deadline) {
      this(name, maskedId, category, action, amount, deadline, false);
    }
  }

  /**
   * One action closed (销号) at the work list's as_of: it stood on the previous recorded as_of's list
   * and no longer does; {@code resolution} is DONE or NO_LONGER_DUE.
   */
  record Closed(
      String name,
      String maskedId,
      String category,
      String action,
      LocalDate openedAsOf,
      LocalDate closedAsOf,
      String resolution) {}

  /** A village's list: its open actions, then those closed since the previous recorded as_of. */
  record Village(String name, String code, List<Entry> entries, List<Closed> closed) {
    Village(String name, String code, List<Entry> entries) {
      this(name, code, entries, List.of());
    }
  }

  /** A township's villages. */
  record Township(String name, String code, List<Village> villages) {
    int actions() {
      return villages.stream().mapToInt(v -> v.entries().size()).sum();
    }
  }

  private static final Collator NAMES = Collator.getInstance(Locale.CHINA);

  private static final Comparator<Entry> WALK =
      Comparator.comparing((Entry e) -> e.name() == null ? "" : e.name(), NAMES)
          .thenComparing(Entry::maskedId, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparingInt(e -> ActionLabels.order(e.action()));

  private WorklistBooks() {}

  /**
   * The work list holds masked IDs already; masking again keeps a defence for a table written by an
   * older build, and leaves a masked value as written — a FIX_ID row shows a number one digit short
   * or long with its own length (docs/inputs.md#id-repair).
   */
  static String maskedOnce(String id) {
    return id == null || id.indexOf('*') >= 0 ? id : IdNumber.mask(id);
  }

  /**
   * Every township with open actions in the context's year, or with actions closed at its as_of;
   * each open action marked when it is new since the previous recorded as_of ({@code
   * gold.action_log}, docs/reports.md#work-lists).
   */
  static List<Township> load(JobContext context) {
    ActionChanges changes = ActionChanges.load(context);
    Dataset<Row> rows =
        context
            .warehouse()
            .read(context.session(), Tables.WORKLIST)
            .filter(col(ColumnNames.POLICY_YEAR).equalTo(context.policyYear()))
            .orderBy(
                col(ColumnNames.TOWNSHIP_CODE).asc_nulls_last(),
                col(ColumnNames.TOWNSHIP),
                col(ColumnNames.VILLAGE_CODE).asc_nulls_last(),
                col(ColumnNames.VILLAGE));
    Map<String, String> townshipCodes = new LinkedHashMap<>();
    Map<String, Map<String, List<Entry>>> byPlace = new LinkedHashMap<>();
    Map<String, String> villageCodes = new LinkedHashMap<>();
    // County-sized (thousands of rows), streamed to the driver partition by partition.
    Iterator<Row> it = rows.toLocalIterator();
    while (it.hasNext()) {
      Row r = it.next();
      String township = r.getAs(ColumnNames.TOWNSHIP);
      String village = r.getAs(ColumnNames.VILLAGE);
      townshipCodes.putIfAbsent(township, r.getAs(ColumnNames.TOWNSHIP_CODE));
      villageCodes.putIfAbsent(township + "\n" + village, r.getAs(ColumnNames.VILLAGE_CODE));
      byPlace
          .computeIfAbsent(township, t -> new LinkedHashMap<>())
          .computeIfAbsent(village, v -> new ArrayList<>())
          .add(
              new Entry(
                  r.getAs(ColumnNames.NAME),
                  maskedOnce(r.getAs(ColumnNames.ID_NUMBER)),
                  r.getAs(ColumnNames.CATEGORY),
                  r.getAs(ColumnNames.ACTION),
                  r.getAs(ColumnNames.AMOUNT),
                  r.getAs(ColumnNames.DEADLINE),
                  changes.isOpened(
                      township,
                      village,
                      r.getAs(ColumnNames.ACTION),
                      maskedOnce(r.getAs(ColumnNames.ID_NUMBER)),
                      r.getAs(ColumnNames.NAME))));
    }
    // A place whose actions were all closed keeps its page: the clerk checks the 销号 there.
    changes
        .closed()
        .forEach(
            (township, villages) ->
                villages
                    .keySet()
                    .forEach(
                        village ->
                            byPlace
                                .computeIfAbsent(township, t -> new LinkedHashMap<>())
                                .computeIfAbsent(village, v -> new ArrayList<>())));
    List<Township> townships = new ArrayList<>();
    byPlace.forEach(
        (township, villages) -> {
          List<Village> lists = new ArrayList<>();
          villages.forEach(
              (village, entries) -> {
                entries.sort(WALK);
                lists.add(
                    new Village(
                        village,
                        villageCodes.get(township + "\n" + village),
                        List.copyOf(entries),
                        changes.closedIn(township, village)));
              });
          townships.add(new Township(township, townshipCodes.get(township), List.copyOf(lists)));
        });
    return townships;
  }

  /**
   * The township {@code asked} names: its official name, the name without 镇/乡/街道 (汉葭), a name the
   * rosters wrote that the work list holds, or the words for a missing township.
   *
   * @return the township's name as the work list holds it (official for an official township)
   * @throws UserFacingException listing the valid names when none matches
   */
  static String resolve(String asked, List<Township> present) {
    String key = Divisions.townshipKeyOf(asked.strip());
    Set<String> valid = new LinkedHashSet<>();
    for (Divisions.Division d : Divisions.all()) {
      if (d.level().equals("township")) {
        valid.add(d.name());
        if (Divisions.townshipKeyOf(d.name()).equals(key)) {
          return d.name();
        }
      }
    }
    for (Township t : present) {
      valid.add(t.name());
      if (t.name().equals(asked.strip()) || ReportLabels.township(t.name()).equals(asked.strip())) {
        return t.name();
      }
    }
    throw new UserFacingException(
        Code.OPTION,
        "--township "
            + asked
            + " is not a township of the county nor one the work list names. Valid names: "
            + String.join(", ", valid)
            + ".");
  }
}
