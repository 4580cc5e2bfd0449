package org.daijiao.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.spark.SparkContext;
import org.daijiao.TestSpark;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A job's Spark job group carries its business step, and the caller's group comes back after. */
class JobGroupsTest {
  private static final String GROUP_ID = "spark.jobGroup.id";
  private static final String DESCRIPTION = "spark.job.description";

  private final SparkContext context = TestSpark.session().sparkContext();

  @AfterEach
  void noGroupLeftBehind() {
    context.clearJobGroup();
  }

  @Test
  void theStepRunsInItsGroupAndTheCallersGroupIsRestored() {
    context.setJobGroup("run", "run: the whole pipeline", false);
    String inside =
        JobGroups.run(
            TestSpark.session(),
            "resolve",
            "resolve: identities and silver tables",
            () ->
                context.getLocalProperty(GROUP_ID) + " | " + context.getLocalProperty(DESCRIPTION));
    assertThat(inside).isEqualTo("resolve | resolve: identities and silver tables");
    assertThat(context.getLocalProperty(GROUP_ID)).isEqualTo("run");
    assertThat(context.getLocalProperty(DESCRIPTION)).isEqualTo("run: the whole pipeline");
  }

  @Test
  void aCallerWithoutGroupGetsNoneBackAlsoWhenTheStepFails() {
    assertThatThrownBy(
            () ->
                JobGroups.run(
                    TestSpark.session(),
                    "decide",
                    "decide: eligibility and subsidy ledger",
                    () -> {
                      throw new IllegalStateException("step failed");
                    }))
        .hasMessage("step failed");
    assertThat(context.getLocalProperty(GROUP_ID)).isNull();
    assertThat(context.getLocalProperty(DESCRIPTION)).isNull();
  }
}
