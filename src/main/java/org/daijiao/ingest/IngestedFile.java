package org.daijiao.ingest;

/**
 * One export file as ingestion read it: its size and the SHA-256 of exactly the bytes that were
 * parsed, from the same read (the run record names what was ingested, not a second look at the
 * folder), and the number of records it gave.
 *
 * @param source the source folder
 * @param file the file as departments name it ({@code <source>/<name>})
 */
public record IngestedFile(String source, String file, long bytes, String sha256, long records) {}
