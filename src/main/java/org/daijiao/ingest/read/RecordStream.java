package org.daijiao.ingest.read;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A export whose header has been checked and whose records are read as they are asked for — for a
 * Spark {@code flatMap} over large files, so that an executor holds the file and the current record
 * rather than every record at once. A syntax error further down the file (a quote never closed) is
 * thrown by {@link #hasNext()} as an {@link InputFileException}.
 *
 * <p>One consumer, one thread. {@link ExportReader#read} is this stream collected.
 */
public final class RecordStream implements Iterator<RawRecord> {
  /** The next record, or null when there is none. */
  @FunctionalInterface
  interface Rows {
    RawRecord nextOrNull();
  }

  private final String file;
  private final String format;
  private final long headerLine;
  private final List<String> headers;
  private final Rows rows;
  private RawRecord next;
  private boolean done;

  RecordStream(String file, String format, long headerLine, List<String> headers, Rows rows) {
    this.file = file;
    this.format = format;
    this.headerLine = headerLine;
    this.headers = List.copyOf(headers);
    this.rows = rows;
  }

  public String file() {
    return file;
  }

  /** As {@link ParsedFile#format()}. */
  public String format() {
    return format;
  }

  public long headerLine() {
    return headerLine;
  }

  public List<String> headers() {
    return headers;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      next = rows.nextOrNull();
      done = next == null;
    }
    return next != null;
  }

  @Override
  public RawRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException(file + ": no more records");
    }
    RawRecord r = next;
    next = null;
    return r;
  }

  /** Reads the remaining records into a {@link ParsedFile}. */
  public ParsedFile toParsedFile() {
    List<RawRecord> records = new ArrayList<>();
    forEachRemaining(records::add);
    return new ParsedFile(file, format, headerLine, headers, records);
  }
}
