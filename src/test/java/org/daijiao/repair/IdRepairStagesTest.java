package org.daijiao.repair;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.daijiao.DataFrames.assertSameRows;
import static org.daijiao.DataFrames.frame;
import static org.daijiao.DataFrames.row;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.daijiao.TestSpark;
import org.daijiao.ingest.BronzeColumns;
import org.daijiao.ingest.Source;
import org.daijiao.ingest.clean.CleanStages;
import org.daijiao.policy.Policy;
import org.daijiao.policy.PolicyLoader;
import org.daijiao.spark.ColumnNames;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 on a few rows: what a rejected roster row says (also a certificate-derived ID), its
 * candidates with their evidence, one row per candidate and one NONE row otherwise, each confidence
 * class, and the rows the data team confirmed read again with their candidate.
 */
class IdRepairStagesTest {
  private static final Policy POLICY = PolicyLoader.bundled();
  private static final LocalDate MIN = POLICY.minBirthDate();
  private static final LocalDate AS_OF = LocalDate.of(2022, 12, 31);
  private static final String CIVIL = "civil_affairs";
  private static final String CIVIL_FILE = "civil_affairs/a.csv";
  private static final String DISABILITY_FILE = "disability/d.xlsx";

  /** 张三: exported with a wrong check character (…0010); the pension record has …0012. */
  private static final String ZHANG = "500243198001010012";

  private static final String ZHANG_TYPED = "500243198001010010";

  /** 李四 twice: two valid IDs one error away from …050926 (the 16th digit, the check). */
  private static final String LI_A = "500243198505050026";

  private static final String LI_B = "500243198505050923";
  private static final String LI_TYPED = "500243198505050926";

  /** 王伍 on the roster; the only neighbour of what was typed is 王五's ID. */
  private static final String WANG = "50024319900707007X";

  private static final String WANG_TYPED = "50024319900717007X";

  /** An ID whose neighbours nobody in the run has. */
  private static final String NOBODY_TYPED = "500243197001010015";

  /** 赵六's old 15-digit number with the month typed 13; the tax bureau has the 18-digit one. */
  private static final String ZHAO_15_TYPED = "512728751303003";

  private static final String ZHAO = "512728197503030032";

  /**
   * 赵二 (disability): the certificate holds the right ID, the ID column has the last two swapped.
   */
  private static final String ZHAO_ER = "500243199404043219";

  private static final String ZHAO_ER_TYPED = "500243199404043291";

  private static final StructType KNOWN =
      new StructType()
          .add(ColumnNames.ID_NUMBER, DataTypes.StringType)
          .add(ColumnNames.NAME, DataTypes.StringType)
          .add(ColumnNames.SOURCE, DataTypes.StringType)
          .add(ColumnNames.TOWNSHIP, DataTypes.StringType)
          .add(ColumnNames.VILLAGE, DataTypes.StringType);

  private static Row unusable(
      String source,
      long line,
      String reason,
      String raw,
      String name,
      String sex,
      String township,
      String village,
      String certificateId) {
    return row(
        source,
        source.equals(CIVIL) ? CIVIL_FILE : DISABILITY_FILE,
        line,
        reason,
        raw,
        raw != null,
        name,
        name,
        sex,
        township,
        village,
        "DIBAO",
        org.daijiao.identity.IdNumber.maskAsWritten(raw),
        certificateId);
  }

  private static Row expected(
      String source,
      long line,
      String reason,
      String candidate,
      String edit,
      List<String> evidence,
      String confidence,
      List<String> sources,
      String confirmedIn,
      String name,
      String township,
      String village,
      String raw) {
    return row(
        source,
        source.equals(CIVIL) ? CIVIL_FILE : DISABILITY_FILE,
        line,
        reason,
        candidate,
        edit,
        evidence,
        confidence,
        sources,
        confirmedIn,
        name,
        township,
        village,
        "DIBAO",
        org.daijiao.identity.IdNumber.maskAsWritten(raw));
  }

  private static Dataset<Row> rejectedRows() {
    return frame(
        RepairColumns.UNUSABLE_ROW,
        unusable(CIVIL, 2, "ID_INVALID_CHECKSUM", ZHANG_TYPED, "张三", "M", "汉葭", "鼓楼", null),
        unusable(CIVIL, 3, "ID_INVALID_CHECKSUM", LI_TYPED, "李四", "F", "保家", "溪口", null),
        unusable(CIVIL, 4, "ID_INVALID_CHECKSUM", WANG_TYPED, "王伍", "M", null, null, null),
        unusable(CIVIL, 5, "ID_INVALID_CHECKSUM", NOBODY_TYPED, "钱七", "M", null, null, null),
        unusable(CIVIL, 6, "ID_MISSING", null, "孙八", null, null, null, null),
        unusable(CIVIL, 7, "ID_INVALID_BIRTHDATE", ZHAO_15_TYPED, "赵六", "M", null, null, null),
        unusable(
            "disability",
            8,
            "ID_CERTIFICATE_MISMATCH",
            ZHAO_ER_TYPED,
            "赵二",
            "M",
            "绍庆街道",
            "河堡社区",
            ZHAO_ER));
  }

  private static Dataset<Row> knownIds() {
    return frame(
        KNOWN,
        row(ZHANG, "张三", "pension_enrollment", null, null),
        row(ZHANG, "张三", CIVIL, "汉葭街道", "鼓楼社区"),
        row(LI_A, "李四", "pension_enrollment", null, null),
        row(LI_B, "李四", "tax_payments", null, null),
        row(WANG, "王五", "pension_enrollment", null, null),
        row(ZHAO, "赵六", "tax_payments", null, null));
  }

  private static Dataset<Row> candidates() {
    return IdRepairStages.candidates(rejectedRows(), knownIds(), MIN, AS_OF);
  }

  private static Dataset<Row> noConfirmations() {
    return frame(RepairColumns.CONFIRMATION);
  }

  @Test
  void everyRejectedRowGetsOneRowPerCandidateOrOneNoneRowWithItsEvidenceAndConfidence() {
    List<String> nameSex = List.of("NAME", "SEX");
    List<String> none = List.of();
    assertSameRows(
        frame(
            RepairColumns.ID_REPAIR_CANDIDATES.schema(),
            // only the check character wrong; two departments know the ID, one of them in the
            // row's township and village (汉葭 = 汉葭街道)
            expected(
                CIVIL,
                2,
                "ID_INVALID_CHECKSUM",
                ZHANG,
                "CHECK_CHARACTER",
                List.of("NAME", "TOWNSHIP", "VILLAGE", "SEX", "SOURCES"),
                "UNIQUE",
                List.of(CIVIL, "pension_enrollment"),
                null,
                "张三",
                "汉葭",
                "鼓楼",
                ZHANG_TYPED),
            // two candidates with the row's name: AMBIGUOUS, both listed
            expected(
                CIVIL,
                3,
                "ID_INVALID_CHECKSUM",
                LI_A,
                "SUBSTITUTION",
                nameSex,
                "AMBIGUOUS",
                List.of("pension_enrollment"),
                null,
                "李四",
                "保家",
                "溪口",
                LI_TYPED),
            expected(
                CIVIL,
                3,
                "ID_INVALID_CHECKSUM",
                LI_B,
                "CHECK_CHARACTER",
                nameSex,
                "AMBIGUOUS",
                List.of("tax_payments"),
                null,
                "李四",
                "保家",
                "溪口",
                LI_TYPED),
            // the only neighbour some source knows carries another name: WEAK
            expected(
                CIVIL,
                4,
                "ID_INVALID_CHECKSUM",
                WANG,
                "SUBSTITUTION",
                List.of("SEX"),
                "WEAK",
                List.of("pension_enrollment"),
                null,
                "王伍",
                null,
                null,
                WANG_TYPED),
            // no neighbour known, and nothing to search: one NONE row each
            expected(
                CIVIL,
                5,
                "ID_INVALID_CHECKSUM",
                null,
                null,
                none,
                "NONE",
                none,
                null,
                "钱七",
                null,
                null,
                NOBODY_TYPED),
            expected(
                CIVIL,
                6,
                "ID_MISSING",
                null,
                null,
                none,
                "NONE",
                none,
                null,
                "孙八",
                null,
                null,
                null),
            // an old 15-digit number: repaired, then upgraded to the 18-digit key
            expected(
                CIVIL,
                7,
                "ID_INVALID_BIRTHDATE",
                ZHAO,
                "SUBSTITUTION",
                nameSex,
                "UNIQUE",
                List.of("tax_payments"),
                null,
                "赵六",
                null,
                null,
                ZHAO_15_TYPED),
            // the row's own certificate number holds the ID its ID column mistyped
            expected(
                "disability",
                8,
                "ID_CERTIFICATE_MISMATCH",
                ZHAO_ER,
                "TRANSPOSITION",
                List.of("NAME", "TOWNSHIP", "VILLAGE", "SEX"),
                "UNIQUE",
                List.of(RepairColumns.CERTIFICATE_SOURCE),
                null,
                "赵二",
                "绍庆街道",
                "河堡社区",
                ZHAO_ER_TYPED)),
        IdRepairStages.table(candidates(), noConfirmations()));
  }

  @Test
  void theConfirmedCandidateIsMarkedWithItsFileAndThePolicyAcceptsOnlyUniqueInTheTownship() {
    Dataset<Row> confirmations =
        frame(RepairColumns.CONFIRMATION, row(CIVIL, CIVIL_FILE, 3L, LI_B, "repairs.csv"));
    List<Row> marked =
        IdRepairStages.table(candidates(), confirmations)
            .filter(col(RepairColumns.CONFIRMED_IN).isNotNull())
            .collectAsList();
    assertThat(marked)
        .as("rows marked confirmed: the confirmed candidate of line 3, not its twin")
        .singleElement()
        .satisfies(
            r -> assertThat(r.<String>getAs(ColumnNames.CANDIDATE_ID_NUMBER)).isEqualTo(LI_B));
    assertSameRows(
        frame(
            RepairColumns.CONFIRMATION,
            row(CIVIL, CIVIL_FILE, 2L, ZHANG, "policy"),
            row("disability", DISABILITY_FILE, 8L, ZHAO_ER, "policy")),
        IdRepairStages.automaticConfirmations(candidates(), "policy"));
  }

  @Test
  void aRejectedRowSaysWhatWasWrittenAndACertificateOnlyRowItsCertificatesIdPart() {
    Dataset<Row> civil =
        frame(
            BronzeColumns.schema(Source.CIVIL_AFFAIRS),
            civilRow(2, "张 三", "500243 19800101 0010", "低保"),
            civilRow(3, "李四", LI_A, "临时救助"), // rejected, but not for its ID
            civilRow(4, "孙八", null, "特困"),
            civilRow(5, "王五", WANG, "低保")); // read
    Dataset<Row> disability =
        frame(
            BronzeColumns.schema(Source.DISABILITY),
            // no ID column; the certificate's ID part has a wrong check character
            disabilityRow(2, null, "500243199404043218" + "11", "一级"),
            // the ID column mistyped, the certificate right
            disabilityRow(3, ZHAO_ER_TYPED, ZHAO_ER + "12", "2"),
            disabilityRow(4, ZHAO_ER, ZHAO_ER + "11", "一级")); // read
    Dataset<Row> rows =
        unusableRows(civil, Source.CIVIL_AFFAIRS)
            .unionByName(unusableRows(disability, Source.DISABILITY));
    String sd = "SEVERE_DISABILITY";
    assertSameRows(
        frame(
            RepairColumns.UNUSABLE_ROW,
            row(
                CIVIL,
                CIVIL_FILE,
                2L,
                "ID_INVALID_CHECKSUM",
                ZHANG_TYPED,
                true,
                "张 三",
                "张三",
                "M",
                "汉葭",
                "鼓楼",
                "DIBAO",
                "500243********0010",
                null),
            row(
                CIVIL,
                CIVIL_FILE,
                4L,
                "ID_MISSING",
                null,
                false,
                "孙八",
                "孙八",
                null,
                "汉葭",
                "鼓楼",
                "TEKUN",
                "",
                null),
            row(
                "disability",
                DISABILITY_FILE,
                2L,
                "CERTIFICATE_INVALID",
                "500243199404043218",
                true,
                "赵二",
                "赵二",
                "M",
                "绍庆",
                "河堡",
                sd,
                "500243********3218",
                null),
            row(
                "disability",
                DISABILITY_FILE,
                3L,
                "ID_CERTIFICATE_MISMATCH",
                ZHAO_ER_TYPED,
                true,
                "赵二",
                "赵二",
                "M",
                "绍庆",
                "河堡",
                sd,
                "500243********3291",
                ZHAO_ER)),
        rows);
  }

  @Test
  void confirmedRowsAreReadAgainWithTheCandidateAlsoFromTheCertificateKeepingTheirLineage() {
    Dataset<Row> disability =
        frame(
            BronzeColumns.schema(Source.DISABILITY),
            disabilityRow(2, null, "500243199404043218" + "11", "一级"),
            disabilityRow(3, ZHAO_ER_TYPED, ZHAO_ER + "12", "二级"),
            disabilityRow(4, ZHAO_ER, ZHAO_ER + "11", "一级"));
    Dataset<Row> confirmations =
        frame(
            RepairColumns.CONFIRMATION,
            row("disability", DISABILITY_FILE, 2L, ZHAO_ER, "repairs.csv"),
            row("disability", DISABILITY_FILE, 3L, ZHAO_ER, "repairs.csv"),
            row(CIVIL, CIVIL_FILE, 2L, ZHANG, "repairs.csv"));
    List<Row> read =
        CleanStages.accepted(
                CleanStages.parse(
                    ConfirmedRepairs.repairedBronze(disability, confirmations, Source.DISABILITY),
                    Source.DISABILITY,
                    POLICY,
                    AS_OF))
            .select(
                col(ColumnNames.ID_NUMBER),
                col(ColumnNames.CATEGORY),
                col(ColumnNames.SOURCE_FILE),
                col(ColumnNames.LINE))
            .orderBy(col(ColumnNames.LINE))
            .collectAsList();
    assertThat(read)
        .as(
            "the two confirmed disability rows, read with the candidate (the other source's"
                + " confirmation and the unconfirmed row left out)")
        .extracting(Row::toString)
        .containsExactly(
            "[" + ZHAO_ER + ",SEVERE_DISABILITY," + DISABILITY_FILE + ",2]",
            "[" + ZHAO_ER + ",SEVERE_DISABILITY," + DISABILITY_FILE + ",3]");
  }

  @Test
  void aConfirmationOfNoRejectedRowOrOfAnotherCandidateIsRefusedByItsFileLine() {
    AcceptedRepairs accepted =
        new AcceptedRepairs(
            "repairs.csv",
            List.of(
                new AcceptedRepairs.Confirmation(CIVIL, CIVIL_FILE, 2, ZHANG, 2),
                new AcceptedRepairs.Confirmation(CIVIL, CIVIL_FILE, 99, ZHANG, 3),
                new AcceptedRepairs.Confirmation(CIVIL, CIVIL_FILE, 3, WANG, 4)));
    List<String> problems =
        RepairCheck.problems(TestSpark.session(), accepted, rejectedRows(), candidates());
    assertThat(problems)
        .containsExactly(
            "line 3: civil_affairs/a.csv line 99 is not a roster row rejected for its ID number in"
                + " this run (corrected since, or the export's lines moved: take the row from this"
                + " run's quality.id_repair_candidates)",
            "line 4: the candidate is not one of the repair candidates of civil_affairs/a.csv line"
                + " 3 (see quality.id_repair_candidates)");
    assertThat(String.join("\n", problems)).doesNotContain(ZHANG).doesNotContain(WANG);
  }

  private static Dataset<Row> unusableRows(Dataset<Row> bronze, Source source) {
    return IdRepairStages.unusableRows(
        bronze, CleanStages.parse(bronze, source, POLICY, AS_OF), source, POLICY, AS_OF);
  }

  private static Row civilRow(long line, String name, String id, String category) {
    return row(
        name,
        id,
        category,
        "汉葭",
        "鼓楼",
        "2020-01-01",
        null,
        null,
        null,
        CIVIL_FILE,
        line,
        Timestamp.valueOf("2022-12-31 00:00:00"),
        "b");
  }

  private static Row disabilityRow(long line, String id, String certificate, String grade) {
    return row(
        "赵二",
        id,
        certificate,
        "肢体",
        grade,
        "绍庆",
        "河堡",
        "2019-01-01",
        null,
        null,
        DISABILITY_FILE,
        line,
        Timestamp.valueOf("2022-12-31 00:00:00"),
        "b");
  }
}
