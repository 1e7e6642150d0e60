package org.chengxin.review;

/**
 * A reviewer's request the queue refuses (unknown case, case not in review, held by someone else):
 * the message says why, in words a reviewer can act on.
 */
public final class ReviewException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReviewException(String message) {
    super(message);
  }
}
