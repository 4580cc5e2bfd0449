package org.daijiao;

/**
 * An error the user can act on: a bad input file, a missing table, a wrong option. Its message says
 * what is wrong, where (file, line, column) and how to fix it; the command line prints it as the
 * one-line cause and exits non-zero. Messages never contain an ID number or a name.
 */
public class UserFacingException extends RuntimeException {
  public UserFacingException(String message) {
    super(message);
  }

  public UserFacingException(String message, Throwable cause) {
    super(message, cause);
  }
}
