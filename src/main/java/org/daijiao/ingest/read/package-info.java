/**
 * Reading department exports (docs/inputs.md#formats) into raw records: pure Java, no Spark, no
 * state — the ingest job calls {@link org.daijiao.ingest.read.ExportReader#read} (or {@code
 * stream}) inside executors, once per file, with the bytes from Spark's {@code binaryFile} source.
 *
 * <p>Decisions a caller should know:
 *
 * <ul>
 *   <li>Format by extension: {@code .csv}, {@code .txt}, {@code .tsv} are CSV; {@code .xlsx} is a
 *       workbook; {@code .xls} and anything else are refused with the fix.
 *   <li>CSV encoding and delimiter are detected (see {@code CsvText}, {@code CsvTokenizer}); the
 *       format string says what was found ({@code csv-utf8}, {@code csv-utf8-bom}, {@code csv-gbk},
 *       {@code csv-mixed}, {@code xlsx}).
 *   <li>The header is the first row that names every required column of the source, within the
 *       first ten rows of a sheet (XLSX) or the first ten non-blank lines (CSV — an Excel sheet
 *       with a title row saved as CSV keeps the title line). Without one, the error names the
 *       missing columns and the headers of the first non-blank row.
 *   <li>XLSX: the first sheet with such a header is read; its name is not added to the file name
 *       ({@link org.daijiao.ingest.read.ParsedFile#file()} is the file name as given), and line
 *       numbers are that sheet's row numbers. A cell merged with cells above it reads as the
 *       region's top-left text (headers over two rows, a township merged down over its people); a
 *       cell merged with cells to its left is empty. Numbers read as Excel keeps them (15
 *       significant digits, plain digits; a number of 16+ integer digits — an 18-digit ID typed as
 *       a number — lost digits and reads as Excel shows it, {@code 5.00243E+17}, so that it is
 *       rejected), dates as {@code yyyy-MM-dd}, formulas as their cached value, error cells as
 *       empty.
 *   <li>Values are the raw text (not trimmed); an empty cell is {@code null}. Rows whose cells are
 *       all blank are skipped. Unknown headers go to {@code extras} (always present as keys); cells
 *       beyond the header or under an empty header go to {@code extras} as {@code _col<N>} (1-based
 *       position) when not empty.
 *   <li>Messages never quote a cell: when the first row looks like data (no known header), its
 *       cells are not listed, and digit runs in listed headers are masked
 *       (docs/privacy.md#privacy-rule).
 * </ul>
 */
package org.daijiao.ingest.read;
