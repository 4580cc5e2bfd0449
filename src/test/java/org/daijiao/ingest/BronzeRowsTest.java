package org.daijiao.ingest;

import static org.daijiao.DataFrames.assertSameRows;
import static org.daijiao.DataFrames.frame;
import static org.daijiao.DataFrames.row;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import scala.collection.JavaConverters;

/**
 * {@code bronze.<source>}: the rows read from one source's files, each canonical column as text
 * (empty when the file lacks it), unknown columns in {@code _extra}, and the lineage.
 */
class BronzeRowsTest {
  private static final Instant INGESTED_AT = Instant.parse("2022-12-31T08:00:00Z");

  private static scala.collection.Map<String, String> map(Map<String, String> m) {
    return JavaConverters.mapAsScalaMapConverter(m).asScala();
  }

  @Test
  void aSourcesRowsBecomeItsBronzeRowsWithLineage() {
    assertSameRows(
        frame(
            BronzeColumns.schema(Source.EXCLUSIONS),
            row(
                "500243198001010012",
                null,
                "在校学生",
                "2022/9/1",
                null,
                map(Map.of("备注", "高二")),
                "exclusions/e.csv",
                2L,
                Timestamp.from(INGESTED_AT),
                "20221231T080000"),
            row(
                "500243198505050026",
                "李四",
                "服刑",
                "2021-01-01",
                "2023-01-01",
                map(Map.of()),
                "exclusions/e.csv",
                3L,
                Timestamp.from(INGESTED_AT),
                "20221231T080000")),
        IngestJob.bronzeRows(
            frame(
                RawRowColumns.SCHEMA,
                row(
                    "exclusions",
                    "exclusions/e.csv",
                    2L,
                    "csv-utf8",
                    map(
                        Map.of(
                            "id_number", "500243198001010012",
                            "reason", "在校学生",
                            "start_date", "2022/9/1")),
                    map(Map.of("备注", "高二")),
                    null,
                    null,
                    null,
                    null),
                row(
                    "exclusions",
                    "exclusions/e.csv",
                    3L,
                    "csv-utf8",
                    map(
                        Map.of(
                            "id_number", "500243198505050026",
                            "name", "李四",
                            "reason", "服刑",
                            "start_date", "2021-01-01",
                            "end_date", "2023-01-01")),
                    map(Map.of()),
                    null,
                    null,
                    null,
                    null),
                // the file's summary row (no line) stays out
                row("exclusions", "exclusions/e.csv", null, null, null, null, null, 120L, "00", 2L),
                // another source's row stays out
                row(
                    "civil_affairs",
                    "civil_affairs/a.csv",
                    2L,
                    "csv-utf8",
                    map(Map.of("id_number", "500243198001010012")),
                    map(Map.of()),
                    null,
                    null,
                    null,
                    null)),
            Source.EXCLUSIONS,
            INGESTED_AT,
            "20221231T080000"));
  }
}
