/**
 * Personal data leaving the data team (docs/privacy.md#analyst-export): keyed pseudonyms for ID
 * numbers ({@link org.daijiao.privacy.Pseudonyms}) and the analyst-safe copies of the gold tables
 * written by {@code daijiao export --for analysts} ({@link org.daijiao.privacy.AnalystExport}).
 */
package org.daijiao.privacy;
