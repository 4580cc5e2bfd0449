/**
 * What people read (docs/reports.md): the county report workbook and its HTML page for the
 * leadership and the townships ({@link org.daijiao.report.CountyReportJob}), and the printable
 * village work lists for the clerks ({@link org.daijiao.report.WorklistsJob}). Every figure is read
 * from the gold and quality tables through their contracts; nothing here decides a rule. A figure
 * that must be derived (a total row, the rate of a sum) is derived as {@link
 * org.daijiao.coverage.CoverageStages} derives it.
 */
package org.daijiao.report;
