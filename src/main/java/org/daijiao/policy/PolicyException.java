package org.daijiao.policy;

/** A policy file that cannot be used: says which file, which key and what is wrong with it. */
public final class PolicyException extends RuntimeException {
  public PolicyException(String message) {
    super(message);
  }

  public PolicyException(String message, Throwable cause) {
    super(message, cause);
  }
}
