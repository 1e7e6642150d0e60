package org.chengxin.core.cli;

/** A command line that cannot be run: the message says what is wrong; commands exit with 2. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
