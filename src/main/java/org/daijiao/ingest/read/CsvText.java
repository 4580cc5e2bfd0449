package org.daijiao.ingest.read;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a CSV export and the encoding it was found in. docs/inputs.md#formats: CSV is UTF-8
 * (with or without BOM) or GBK, and the encoding is detected, never configured — departments do not
 * know which one their system writes, and some files are concatenations of both.
 *
 * <p>Detection: a UTF-8 BOM is stripped; if the rest decodes strictly as UTF-8 it is UTF-8.
 * Otherwise each line is UTF-8 when it is valid UTF-8 and GBK (strict GB18030, the superset Windows
 * writes) when not; a file without any non-ASCII UTF-8 line is GBK (also when a stray BOM precedes
 * GBK bytes), one with both kinds of line is "mixed". The decision is per line, not "does the whole
 * file decode as GB18030", because UTF-8 Chinese often also forms valid GB18030 pairs (张三 = E5 BC |
 * A0 E4 | B8 89) and would be read as garbage, whereas GBK text is almost never valid UTF-8. GBK
 * never uses the bytes CR and LF inside a character, so lines are split on bytes.
 *
 * <p>Memory: the bytes are validated in small chunks and decoded once into the final String, so no
 * more than the bytes and the text are held (a mixed file also needs a builder while joining).
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
    StrictDecoder utf8 = new StrictDecoder(StandardCharsets.UTF_8);
    StrictDecoder gbk = new StrictDecoder(GBK);
    if (utf8.accepts(b, off, len)) {
      return new CsvText(
          new String(b, off, len, StandardCharsets.UTF_8), bom ? "csv-utf8-bom" : "csv-utf8");
    }
    boolean anyUtf8Line = false;
    for (int start = off, line = 1; start < b.length; line++) {
      int end = endOfLine(b, start);
      if (!isAscii(b, start, end)) {
        if (utf8.accepts(b, start, end - start)) {
          anyUtf8Line = true;
        } else if (!gbk.accepts(b, start, end - start)) {
          throw new InputFileException(
              file,
              line,
              null,
              "this line is neither UTF-8 nor GBK text (the file is damaged or in another"
                  + " encoding); open the file in Excel or WPS and save it again as \"CSV UTF-8\"");
        }
      }
      start = end;
    }
    if (!anyUtf8Line) {
      return new CsvText(new String(b, off, len, GBK), "csv-gbk");
    }
    StringBuilder sb = new StringBuilder(len);
    for (int start = off; start < b.length; ) {
      int end = endOfLine(b, start);
      Charset cs = utf8.accepts(b, start, end - start) ? StandardCharsets.UTF_8 : GBK;
      sb.append(new String(b, start, end - start, cs));
      start = end;
    }
    return new CsvText(sb.toString(), "csv-mixed");
  }

  /**
   * The index just after the line starting at {@code start}, its line break (LF, CRLF, CR)
   * included.
   */
  private static int endOfLine(byte[] b, int start) {
    int end = start;
    while (end < b.length && b[end] != '\n' && b[end] != '\r') {
      end++;
    }
    if (end < b.length) {
      end += (b[end] == '\r' && end + 1 < b.length && b[end + 1] == '\n') ? 2 : 1;
    }
    return end;
  }

  private static boolean isAscii(byte[] b, int start, int end) {
    for (int i = start; i < end; i++) {
      if (b[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /** True when the bytes decode without a single malformed or unmappable sequence. */
  static boolean decodesStrictly(Charset cs, byte[] b, int off, int len) {
    return new StrictDecoder(cs).accepts(b, off, len);
  }

  /**
   * A reusable strict validator: one decoder and one small buffer per file, not per line (a GBK
   * file of half a million lines would otherwise allocate gigabytes of buffers).
   */
  private static final class StrictDecoder {
    private final CharsetDecoder decoder;
    private final CharBuffer out = CharBuffer.allocate(CHUNK);

    StrictDecoder(Charset cs) {
      decoder =
          cs.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    boolean accepts(byte[] b, int off, int len) {
      decoder.reset();
      ByteBuffer in = ByteBuffer.wrap(b, off, len);
      while (true) {
        out.clear();
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
          return false;
        }
        if (r.isUnderflow()) {
          break;
        }
      }
      while (true) {
        out.clear();
        CoderResult r = decoder.flush(out);
        if (r.isError()) {
          return false;
        }
        if (r.isUnderflow()) {
          return true;
        }
      }
    }
  }
}
