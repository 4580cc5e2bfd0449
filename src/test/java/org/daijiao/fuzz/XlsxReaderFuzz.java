package org.daijiao.fuzz;

/**
 * Jazzer target: {@link ExportReaderFuzz} for workbooks ({@code .xlsx}). Seeds are real workbooks
 * (from {@code bad-inputs/}), so mutations reach POI's zip and XML parsing and the reader's sheet
 * logic.
 */
public final class XlsxReaderFuzz {
  private XlsxReaderFuzz() {}

  public static void fuzzerTestOneInput(byte[] data) {
    ExportReaderFuzz.read(data, ".xlsx");
  }
}
