package org.daijiao.ingest.read;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a CSV export and the encoding it was found in. SPEC §4: CSV is UTF-8 (with or without
 * BOM) or GBK, and the encoding is detected, never configured — departments do not know which one
 * their system writes, and some files are concatenations of both.
 *
 * <p>Detection: a UTF-8 BOM is stripped; then the whole file decodes strictly as UTF-8, or strictly
 * as GB18030 (the superset of GBK that Windows actually writes), or else line by line (each line
 * UTF-8 if it is valid UTF-8, GBK otherwise). A GBK file that starts with a stray BOM (an editor
 * added one) is read as GBK. GBK never uses the bytes CR and LF inside a character, so splitting
 * lines on raw bytes is safe.
 *
 * <p>Memory: the bytes are validated in small chunks first and decoded once into the final String,
 * so no more than the bytes and the text are held at a time.
 */
record CsvText(String text, String format) {
  static final Charset GBK = Charset.forName("GB18030");
  private static final int CHUNK = 8192;

  static CsvText decode(String file, byte[] b) {
    BinaryCheck.rejectBinary(file, b);
    boolean bom =
        b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    int off = bom ? 3 : 0;
    int len = b.length - off;
    if (decodesStrictly(StandardCharsets.UTF_8, b, off, len)) {
      return new CsvText(
          new String(b, off, len, StandardCharsets.UTF_8), bom ? "csv-utf8-bom" : "csv-utf8");
    }
    if (decodesStrictly(GBK, b, off, len)) {
      return new CsvText(new String(b, off, len, GBK), "csv-gbk");
    }
    return new CsvText(decodeLineByLine(file, b, off), "csv-mixed");
  }

  private static String decodeLineByLine(String file, byte[] b, int off) {
    StringBuilder sb = new StringBuilder(b.length - off);
    long line = 1;
    int start = off;
    while (start < b.length) {
      int end = start;
      while (end < b.length && b[end] != '\n' && b[end] != '\r') {
        end++;
      }
      if (end < b.length) {
        end += (b[end] == '\r' && end + 1 < b.length && b[end + 1] == '\n') ? 2 : 1;
      }
      int len = end - start;
      if (decodesStrictly(StandardCharsets.UTF_8, b, start, len)) {
        sb.append(new String(b, start, len, StandardCharsets.UTF_8));
      } else if (decodesStrictly(GBK, b, start, len)) {
        sb.append(new String(b, start, len, GBK));
      } else {
        throw new InputFileException(
            file,
            line,
            null,
            "this line is neither UTF-8 nor GBK text (the file is damaged or in another encoding);"
                + " open the file in Excel or WPS and save it again as \"CSV UTF-8\"");
      }
      line++;
      start = end;
    }
    return sb.toString();
  }

  /** True when the bytes decode without a single malformed or unmappable sequence. */
  static boolean decodesStrictly(Charset cs, byte[] b, int off, int len) {
    CharsetDecoder dec =
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, off, len);
    CharBuffer out = CharBuffer.allocate(CHUNK);
    while (true) {
      CoderResult r = dec.decode(in, out, true);
      if (r.isError()) {
        return false;
      }
      out.clear();
      if (r.isUnderflow()) {
        break;
      }
    }
    while (true) {
      CoderResult r = dec.flush(out);
      if (r.isError()) {
        return false;
      }
      out.clear();
      if (r.isUnderflow()) {
        return true;
      }
    }
  }
}
