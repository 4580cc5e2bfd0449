package org.daijiao.decide;

import java.io.Serializable;

/**
 * One line of the audit trail of a {@link Decision}: the clause applied (e.g. {@code §2(一)}), a
 * short name of the rule, and what was seen. The finding is for a clerk to read; it never holds the
 * ID number.
 */
public record Step(String clause, String rule, String finding) implements Serializable {}
