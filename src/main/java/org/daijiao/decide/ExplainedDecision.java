package org.daijiao.decide;

import java.util.List;

/**
 * A decision with its audit trail: one {@link Step} per rule, citing the clause of the notice, in
 * the order the rules apply ({@link Decider#explain}).
 */
public record ExplainedDecision(Decision decision, List<Step> trace) {
  public ExplainedDecision {
    trace = List.copyOf(trace);
  }
}
