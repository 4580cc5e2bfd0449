SELECT 'E' AS kind, id_number AS k1, '' AS k2, '' AS k3,
  CAST(eligible AS STRING) AS v1, category AS v2, concat_ws(';', reasons) AS v3,
  CAST(first_eligible_date AS STRING) AS v4, CAST(in_coverage_target AS STRING) AS v5,
  CAST(insured AS STRING) AS v6, CAST(paid AS STRING) AS v7, township AS v8,
  concat_ws(';', held_categories) AS v9, CAST(NULL AS STRING) AS v10, CAST(NULL AS STRING) AS v11,
  CAST(NULL AS STRING) AS v12
FROM gold.eligibility WHERE policy_year = ${YEAR}
UNION ALL
SELECT 'L', id_number, '', '', CAST(tier AS STRING), CAST(subsidy_amount AS STRING),
  CAST(self_pay_amount AS STRING), mode, batch, status, concat_ws(';', flags), category,
  CAST(self_paid_amount AS STRING), CAST(government_paid_amount AS STRING), CAST(deadline AS STRING),
  CAST(first_eligible_date AS STRING)
FROM gold.subsidy_ledger WHERE policy_year = ${YEAR}
UNION ALL
SELECT 'C', level, coalesce(township, ''), category, CAST(target_persons AS STRING),
  CAST(insured_persons AS STRING), CAST(eligible_persons AS STRING), CAST(paid_persons AS STRING),
  CAST(subsidy_amount AS STRING), NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM gold.coverage_stats WHERE policy_year = ${YEAR} AND level IN ('COUNTY', 'TOWNSHIP')
