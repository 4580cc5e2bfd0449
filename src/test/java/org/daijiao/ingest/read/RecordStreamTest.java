package org.daijiao.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.daijiao.ingest.read.Fixtures.CIVIL_HEADER;
import static org.daijiao.ingest.read.Fixtures.LI_SI;
import static org.daijiao.ingest.read.Fixtures.ZHANG_SAN;
import static org.daijiao.ingest.read.Fixtures.row;
import static org.daijiao.ingest.read.Fixtures.utf8;
import static org.daijiao.ingest.read.Fixtures.xlsx;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.daijiao.ingest.Source;
import org.junit.jupiter.api.Test;

class RecordStreamTest {
  @Test
  void streamGivesTheSameRecordsAsRead() {
    byte[] csv = utf8(CIVIL_HEADER, ZHANG_SAN, "", LI_SI);
    byte[] book =
        xlsx(
            wb -> {
              Sheet s = wb.createSheet();
              row(s, 0, (Object[]) CIVIL_HEADER.split(","));
              row(s, 2, (Object[]) ZHANG_SAN.split(","));
            });

    for (var file : List.of(new Object[] {"a.csv", csv}, new Object[] {"b.xlsx", book})) {
      String name = (String) file[0];
      byte[] content = (byte[]) file[1];
      RecordStream stream = ExportReader.stream(name, content, Source.CIVIL_AFFAIRS);
      List<RawRecord> streamed = new ArrayList<>();
      stream.forEachRemaining(streamed::add);

      ParsedFile read = ExportReader.read(name, content, Source.CIVIL_AFFAIRS);
      assertThat(streamed).as(name).isEqualTo(read.records());
      assertThat(stream.headers()).isEqualTo(read.headers());
      assertThat(stream.headerLine()).isEqualTo(read.headerLine());
      assertThat(stream.format()).isEqualTo(read.format());
      assertThat(stream.hasNext()).isFalse();
    }
  }

  @Test
  void headerErrorsComeAtOnceAndRecordErrorsWhileIterating() {
    assertThatThrownBy(() -> ExportReader.stream("a.csv", utf8("姓名"), Source.CIVIL_AFFAIRS))
        .isInstanceOf(InputFileException.class)
        .hasMessageContaining("required columns");

    RecordStream stream =
        ExportReader.stream("a.csv", utf8(CIVIL_HEADER, ZHANG_SAN, "\"李四"), Source.CIVIL_AFFAIRS);
    assertThat(stream.next().line()).isEqualTo(2);
    assertThatThrownBy(stream::hasNext)
        .isInstanceOf(InputFileException.class)
        .hasMessageStartingWith("a.csv: line 3: a quoted field starts on this line");
  }
}
