package org.daijiao.policy;

import org.daijiao.UserFacingException;

/** A policy file that cannot be used: says which file, which key and what is wrong with it. */
public final class PolicyException extends UserFacingException {
  public PolicyException(String message) {
    super(Code.POLICY, message);
  }

  public PolicyException(String message, Throwable cause) {
    super(Code.POLICY, message, cause);
  }
}
