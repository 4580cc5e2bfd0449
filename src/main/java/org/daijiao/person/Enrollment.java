package org.daijiao.person;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * One pension enrolment record of the snapshot (SPEC §4 {@code pension_enrollment}): scheme {@code
 * RESIDENT}|{@code EMPLOYEE}, the 6-digit region code of the place of enrolment, status {@code
 * ACTIVE}|{@code SUSPENDED}|{@code TERMINATED}|{@code RECEIVING}, and the chosen tier (null when
 * missing or unparseable).
 */
public record Enrollment(String scheme, String regionCode, String status, BigDecimal tier)
    implements Serializable {}
