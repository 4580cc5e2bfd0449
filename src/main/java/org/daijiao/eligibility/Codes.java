package org.daijiao.eligibility;

import java.util.List;

/**
 * The codes the ingestion maps every department's words to (SPEC §4; the words themselves are in
 * the policy file's vocabularies).
 */
public final class Codes {
  public static final String RESIDENT = "RESIDENT";
  public static final String EMPLOYEE = "EMPLOYEE";

  public static final String ACTIVE = "ACTIVE";
  public static final String SUSPENDED = "SUSPENDED";
  public static final String TERMINATED = "TERMINATED";
  public static final String RECEIVING = "RECEIVING";

  public static final String SELF = "SELF";
  public static final String GOVERNMENT = "GOVERNMENT";

  public static final String STUDENT = "STUDENT";
  public static final String MILITARY = "MILITARY";
  public static final String PRISONER = "PRISONER";

  /** §1's exclusions, in the order of their reason codes (SPEC §2.2). */
  public static final List<String> EXCLUSIONS = List.of(STUDENT, MILITARY, PRISONER);

  private Codes() {}
}
