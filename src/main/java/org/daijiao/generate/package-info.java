/**
 * A synthetic Pengshui county for the bundled sample, tests and benchmarks: {@link
 * org.daijiao.generate.SampleGenerator#generate} writes the six department exports of
 * docs/inputs.md#sources ({@code <out>/<source>/*.csv|*.xlsx}) for the policy year of the bundled
 * policy file.
 *
 * <p>What it contains, per source:
 *
 * <ul>
 *   <li>{@code civil_affairs}: 低保/特困 records in two files, UTF-8 with BOM and GBK (other header
 *       words, slash dates); successive and overlapping periods.
 *   <li>{@code rural_revitalization}: 返贫致贫 and the non-target monitoring types, four date formats
 *       in one file.
 *   <li>{@code disability}: one XLSX workbook, text IDs and certificate numbers, date cells, rows
 *       with only the certificate, one mismatching certificate, two IDs stored as numbers.
 *   <li>{@code pension_enrollment}: county, other-county, out-of-municipality and employee records,
 *       pensioners, invalid tiers; non-roster persons as noise.
 *   <li>{@code tax_payments}: own payments (tier less the expected subsidy, or the full tier), some
 *       late or for the year before; government payments in September and December.
 *   <li>{@code exclusions}: students (school years), soldiers and prisoners, canonical headers.
 * </ul>
 *
 * <p>{@link org.daijiao.generate.SampleGenerator#generateMonthly} writes the same county as
 * exported at each month end of the year ({@code <out>/<month end>/<source>/…},
 * docs/inputs.md#monthly-snapshots): each row carries its {@code RowLife}, and {@code YearEvents}
 * adds the changes the year-end files do not show.
 *
 * <p>Every name and ID is drawn at random (valid check characters, real division names); nothing is
 * logged. The same options always give byte-identical files.
 */
package org.daijiao.generate;
