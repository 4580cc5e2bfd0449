package org.daijiao.decide;

import java.util.List;

/** The output contracts (column order) of the gold tables written from the decisions (SPEC §5). */
public final class GoldColumns {
  /** {@code gold.eligibility}: one row per (policy_year, id_number) on any roster. */
  public static final List<String> ELIGIBILITY =
      List.of(
          "policy_year",
          "id_number",
          "name",
          "township",
          "village",
          "held_categories",
          "eligible",
          "category",
          "reasons",
          "first_eligible_date",
          "in_coverage_target",
          "insured",
          "paid",
          "as_of",
          "township_code",
          "village_code");

  /** {@code gold.subsidy_ledger}: one row per eligible person. */
  public static final List<String> SUBSIDY_LEDGER =
      List.of(
          "policy_year",
          "id_number",
          "name",
          "township",
          "village",
          "category",
          "department",
          "funding_source",
          "tier",
          "subsidy_amount",
          "self_pay_amount",
          "self_paid_amount",
          "government_paid_amount",
          "mode",
          "batch",
          "first_eligible_date",
          "deadline",
          "status",
          "flags",
          "as_of",
          "township_code",
          "village_code");

  /** {@code gold.reaching_pension_age}: §3(一) 达龄一个，发放一个. */
  public static final List<String> REACHING_PENSION_AGE =
      List.of(
          "policy_year",
          "id_number",
          "name",
          "township",
          "village",
          "category",
          "birth_date",
          "pension_age_date",
          "as_of",
          "township_code",
          "village_code");

  private GoldColumns() {}
}
