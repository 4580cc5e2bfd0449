package org.daijiao.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.daijiao.TestSpark;
import org.junit.jupiter.api.Test;

/**
 * A text that a spreadsheet would take for a formula gets a quote in front (OWASP, CSV injection);
 * numbers, dates and JSON do not, and other text is written as it is.
 */
class SpreadsheetTextTest {
  private static final StructType SCHEMA =
      new StructType()
          .add("village", DataTypes.StringType)
          .add("subsidy_amount", DataTypes.createDecimalType(10, 2))
          .add("deadline", DataTypes.DateType)
          .add("reasons", DataTypes.createArrayType(DataTypes.StringType));

  @Test
  void aTextStartingAFormulaIsQuotedAndEverythingElseIsWrittenAsItIs() {
    List<String> villages =
        Arrays.asList(
            "=1+1",
            "+1",
            "-1+1",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
            "\uFF1D1+1",
            "鼓楼社区",
            "a=1",
            "<b>村</b>",
            "'quoted",
            null);
    List<Row> rows = new ArrayList<>();
    for (String v : villages) {
      rows.add(
          RowFactory.create(
              v, new BigDecimal("-70.00"), Date.valueOf("2022-12-31"), new String[] {"-=1"}));
    }
    List<Row> text =
        SpreadsheetText.asText(TestSpark.session().createDataFrame(rows, SCHEMA)).collectAsList();
    assertThat(text.stream().map(r -> r.getString(0)).toList())
        .containsExactly(
            "'=1+1",
            "'+1",
            "'-1+1",
            "'@SUM(A1)",
            "'\t=1",
            "'\r=1",
            "'\uFF1D1+1",
            "鼓楼社区",
            "a=1",
            "<b>村</b>",
            "'quoted",
            null);
    assertThat(text.get(0).getString(1)).as("a negative amount stays a number").isEqualTo("-70.00");
    assertThat(text.get(0).getString(2)).isEqualTo("2022-12-31");
    assertThat(text.get(0).getString(3)).as("JSON starts with a bracket").isEqualTo("[\"-=1\"]");
  }
}
