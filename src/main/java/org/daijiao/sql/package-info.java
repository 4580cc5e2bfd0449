/**
 * What analysts use to read the warehouse with SQL ({@code bin/daijiao sql}): a script split into
 * statements by Spark's own lexer, the check that keeps the command read-only unless writes are
 * allowed, the output formats, and the interactive shell. Tables are registered by the command
 * line, which knows the warehouse (and, later, the run) to read.
 */
package org.daijiao.sql;
