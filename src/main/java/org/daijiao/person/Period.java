package org.daijiao.person;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A dated record of a person: a category period (code {@code TEKUN}, {@code DIBAO}, {@code FANPIN},
 * {@code SEVERE_DISABILITY} or a known non-target code such as {@code MARGINAL_POVERTY}) or an
 * exclusion period ({@code STUDENT}, {@code MILITARY}, {@code PRISONER}). Both ends are inclusive;
 * {@code end == null} means ongoing (docs/rules.md#target-categories: held on d when {@code start ≤
 * d} and ({@code end} empty or {@code d ≤ end})).
 */
public record Period(String code, LocalDate start, LocalDate end) implements Serializable {

  /** True when the period covers {@code day}. */
  public boolean covers(LocalDate day) {
    return start != null && !day.isBefore(start) && (end == null || !day.isAfter(end));
  }
}
