package org.daijiao.resolve;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.daijiao.FixtureCounty.row;
import static org.daijiao.FixtureCounty.rows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.daijiao.FixtureCounty;
import org.daijiao.ingest.Source;
import org.daijiao.quality.RejectReason;
import org.daijiao.spark.Tables;
import org.junit.jupiter.api.Test;

/**
 * SPEC §3–§4: every input row reaches a clean table or {@code quality.rejected_records} with its
 * reason, file and line, and rows read = rows accepted + rows rejected for every source.
 */
class RejectedRecordsIntegrationTest {
  private static Dataset<Row> rejected() {
    return FixtureCounty.table(Tables.REJECTED_RECORDS);
  }

  @Test
  void everyDefectiveRowIsRejectedWithItsFileLineAndReason() {
    assertThat(rows(rejected(), "source", "source_file", "line", "reason"))
        .containsExactlyInAnyOrder(
            row("civil_affairs", "civil_affairs/ca_utf8.csv", 9L, "ID_MISSING"),
            row("civil_affairs", "civil_affairs/ca_utf8.csv", 10L, "ID_INVALID_FORMAT"),
            row("civil_affairs", "civil_affairs/ca_utf8.csv", 11L, "ID_INVALID_BIRTHDATE"),
            row("civil_affairs", "civil_affairs/ca_utf8.csv", 12L, "ID_INVALID_CHECKSUM"),
            row("civil_affairs", "civil_affairs/ca_utf8.csv", 13L, "CATEGORY_UNKNOWN"),
            row("civil_affairs", "civil_affairs/ca_utf8.csv", 14L, "DATE_MISSING"),
            row("civil_affairs", "civil_affairs/ca_utf8.csv", 15L, "DATE_INVALID"),
            row("civil_affairs", "civil_affairs/ca_utf8.csv", 16L, "DATE_RANGE_INVALID"),
            row("rural_revitalization", "rural_revitalization/rr.xlsx", 5L, "CATEGORY_UNKNOWN"),
            row("rural_revitalization", "rural_revitalization/rr.xlsx", 6L, "ID_INVALID_FORMAT"),
            row("disability", "disability/dis.csv", 4L, "ID_CERTIFICATE_MISMATCH"),
            row("disability", "disability/dis.csv", 5L, "CERTIFICATE_INVALID"),
            row("disability", "disability/dis.csv", 6L, "GRADE_UNKNOWN"),
            row("pension_enrollment", "pension_enrollment/pe.csv", 4L, "SCHEME_UNKNOWN"),
            row("pension_enrollment", "pension_enrollment/pe.csv", 5L, "STATUS_UNKNOWN"),
            row("pension_enrollment", "pension_enrollment/pe.csv", 6L, "REGION_CODE_INVALID"),
            row("pension_enrollment", "pension_enrollment/pe.csv", 7L, "SCHEME_UNKNOWN"),
            row("tax_payments", "tax_payments/tax_gbk.csv", 3L, "DUPLICATE_ROW"),
            row("tax_payments", "tax_payments/tax_gbk.csv", 5L, "AMOUNT_MISSING"),
            row("tax_payments", "tax_payments/tax_gbk.csv", 6L, "AMOUNT_INVALID"),
            row("tax_payments", "tax_payments/tax_gbk.csv", 7L, "YEAR_INVALID"),
            row("tax_payments", "tax_payments/tax_gbk.csv", 8L, "PAYER_TYPE_UNKNOWN"),
            row("exclusions", "exclusions/服刑名单[1].csv", 3L, "EXCLUSION_REASON_UNKNOWN"));
  }

  @Test
  void everyRejectReasonOfIngestionOccursInTheFixture() {
    assertThat(rows(rejected().select("reason").distinct()))
        .as("the fixture exercises every reason code of RejectReason")
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(RejectReason.values()).map(r -> row(r.name())).toList());
  }

  @Test
  void scientificNotationIdIsInvalidFormatWhetherTypedOrAnExcelNumber() {
    assertThat(
            rows(
                rejected().filter(col("reason").equalTo("ID_INVALID_FORMAT")),
                "source_file",
                "detail"))
        .as(
            "5.00243E+17 in a CSV and an 18-digit ID stored as a number in XLSX: the digits are lost")
        .containsExactly(
            row(
                "civil_affairs/ca_utf8.csv",
                "id_number: scientific notation (digits lost by a spreadsheet)"),
            row(
                "rural_revitalization/rr.xlsx",
                "id_number: scientific notation (digits lost by a spreadsheet)"));
  }

  @Test
  void detailNeverHoldsAnIdNumber() {
    List<String> details =
        rejected().select("detail").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(details).as("every rejected row explains itself").doesNotContainNull().hasSize(23);
    assertThat(details)
        .as("SPEC §5/§7: no run of 17 or more digits (ASCII or full-width) in any detail")
        .noneMatch(d -> d.matches("(?s).*[0-9０-９]{17,}.*"));
  }

  @Test
  void anIdInAVocabularyColumnIsMaskedInTheDetail() {
    assertThat(
            rows(
                rejected()
                    .filter(
                        col("source").equalTo("pension_enrollment").and(col("line").equalTo(7))),
                "reason",
                "detail"))
        .as("an ID typed into the scheme column is quoted as <digits>")
        .containsExactly(
            row("SCHEME_UNKNOWN", "scheme value '<digits>' is not in the policy vocabulary"));
  }

  @Test
  void rejectedRecordsSchemaIsTheSpecColumns() {
    assertThat(FixtureCounty.columnTypes(rejected().schema()))
        .containsExactly(
            "source string", "source_file string", "line bigint", "reason string", "detail string");
  }

  /**
   * Counted independently from the tables: bronze rows, accepted rows (the {@code records} merged
   * into the silver periods, the enrolment rows, the payments left after duplicates) and rejected
   * rows.
   */
  @Test
  void rowsReadEqualRowsAcceptedPlusRowsRejectedForEverySource() {
    Map<String, Long> accepted = new LinkedHashMap<>();
    for (Row r :
        FixtureCounty.table(Tables.CATEGORY_PERIODS)
            .groupBy("source")
            .agg(sum("records"))
            .collectAsList()) {
      accepted.put(r.getString(0), r.getLong(1));
    }
    accepted.put(
        "exclusions",
        FixtureCounty.table(Tables.EXCLUSION_PERIODS).agg(sum("records")).first().getLong(0));
    accepted.put("pension_enrollment", FixtureCounty.table(Tables.ENROLLMENTS).count());
    accepted.put("tax_payments", FixtureCounty.table(Tables.PAYMENTS).count());

    Map<String, Long> expectedAccepted =
        Map.of(
            "civil_affairs",
            13L,
            "rural_revitalization",
            3L,
            "disability",
            2L,
            "pension_enrollment",
            2L,
            "tax_payments",
            2L,
            "exclusions",
            1L);
    assertThat(accepted).containsExactlyInAnyOrderEntriesOf(expectedAccepted);

    List<List<Object>> reconciliation = rows(FixtureCounty.table(Tables.INGEST_RECONCILIATION));
    for (Source s : Source.values()) {
      long read = FixtureCounty.table(Tables.bronze(s.folder())).count();
      long rejectedRows = rejected().filter(col("source").equalTo(s.folder())).count();
      assertThat(read)
          .as("%s: rows read = rows accepted + rows rejected", s.folder())
          .isEqualTo(accepted.get(s.folder()) + rejectedRows);
      assertThat(reconciliation)
          .as("quality.ingest_reconciliation for %s", s.folder())
          .contains(row(s.folder(), read, accepted.get(s.folder()), rejectedRows));
      assertThat(FixtureCounty.run().resolve().counts().get(s.folder()))
          .isEqualTo(new ResolveJob.SourceCounts(read, accepted.get(s.folder()), rejectedRows));
    }
    assertThat(reconciliation).hasSize(Source.values().length);
  }
}
