package org.daijiao.ingest.read;

/**
 * Recognises files that are not text at all, so that a workbook renamed to {@code .csv} gets a
 * message that says so instead of "not UTF-8 nor GBK".
 */
final class BinaryCheck {
  private BinaryCheck() {}

  static boolean isZip(byte[] b) {
    return startsWith(b, 0x50, 0x4B, 0x03, 0x04);
  }

  /** OLE2 container: an old binary .xls workbook, or an encrypted (password-protected) .xlsx. */
  static boolean isOle2(byte[] b) {
    return startsWith(b, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);
  }

  static void rejectBinary(String file, byte[] b) {
    if (isZip(b)) {
      throw new InputFileException(
          file,
          0,
          null,
          "this is a zip archive (probably an Excel .xlsx workbook with a .csv name), not CSV text;"
              + " rename it to .xlsx, or open it in Excel and save it as \"CSV UTF-8\"");
    }
    if (isOle2(b)) {
      throw new InputFileException(
          file,
          0,
          null,
          "this is an old Excel .xls workbook (or an encrypted one), not CSV text; open it in Excel"
              + " and save it as .xlsx or \"CSV UTF-8\"");
    }
    if (startsWith(b, 0xFF, 0xFE) || startsWith(b, 0xFE, 0xFF)) {
      throw new InputFileException(
          file,
          0,
          null,
          "this file is UTF-16 text (Excel's \"Unicode text\"), which is not accepted; save it as"
              + " \"CSV UTF-8\" instead");
    }
    long line = 1;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n') {
        line++;
      } else if (b[i] == 0) {
        throw new InputFileException(
            file,
            line,
            null,
            "the file contains binary data (a NUL byte), so it is not a CSV text export; export"
                + " the data again as \"CSV UTF-8\" or .xlsx");
      }
    }
  }

  private static boolean startsWith(byte[] b, int... magic) {
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
