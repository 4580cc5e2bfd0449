package org.daijiao.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.daijiao.ingest.read.Fixtures.CIVIL_HEADER;
import static org.daijiao.ingest.read.Fixtures.LI_SI;
import static org.daijiao.ingest.read.Fixtures.ZHANG_SAN;
import static org.daijiao.ingest.read.Fixtures.concat;
import static org.daijiao.ingest.read.Fixtures.gbk;
import static org.daijiao.ingest.read.Fixtures.row;
import static org.daijiao.ingest.read.Fixtures.utf8;
import static org.daijiao.ingest.read.Fixtures.xlsx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.ss.usermodel.Sheet;
import org.daijiao.ingest.Source;
import org.junit.jupiter.api.Test;

/** Spark executors call the reader from several task threads at once: results must not mix. */
class ConcurrentReadTest {
  @Test
  void readingManyFilesAtOnceGivesTheSameResultAsOneByOne() throws Exception {
    byte[] csv = concat(utf8(CIVIL_HEADER, ZHANG_SAN), gbk(LI_SI));
    byte[] book =
        xlsx(
            wb -> {
              Sheet s = wb.createSheet();
              row(s, 0, (Object[]) CIVIL_HEADER.split(","));
              row(s, 1, (Object[]) LI_SI.split(","));
            });
    ParsedFile csvAlone = ExportReader.read("a.csv", csv, Source.CIVIL_AFFAIRS);
    ParsedFile bookAlone = ExportReader.read("b.xlsx", book, Source.CIVIL_AFFAIRS);

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ParsedFile>> results = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        boolean even = i % 2 == 0;
        results.add(
            pool.submit(
                () ->
                    even
                        ? ExportReader.read("a.csv", csv, Source.CIVIL_AFFAIRS)
                        : ExportReader.read("b.xlsx", book, Source.CIVIL_AFFAIRS)));
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).isEqualTo(i % 2 == 0 ? csvAlone : bookAlone);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
