package org.daijiao.coverage;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The rate of the coverage statistics (docs/operations.md, coverage): part / whole to 4 decimals,
 * null over an empty target. CoverageStagesTest evaluates it on data; this test pins the expression
 * itself without a Spark session, so that mutation testing can run it.
 */
class RateTest {
  @Test
  void theRateIsAFourDecimalQuotientOnlyOverANonEmptyTarget() {
    assertThat(CoverageStages.rate(col("insured_persons"), col("target_persons")).toString())
        .isEqualTo(
            "CASE WHEN (target_persons > 0) THEN CAST((CAST(insured_persons AS DECIMAL(20,4)) /"
                + " target_persons) AS DECIMAL(7,4)) END");
  }
}
