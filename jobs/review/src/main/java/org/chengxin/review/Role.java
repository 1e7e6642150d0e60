package org.chengxin.review;

/**
 * What an account may do. Reviewers take, release and decide cases; leads do that too and hand
 * cases from one reviewer to another; analysts read the queue and every case, and change nothing;
 * admins manage accounts and read like analysts. {@link CaseAccess} applies these to one case.
 */
public enum Role implements QueueWord {
  REVIEWER,
  LEAD,
  ANALYST,
  ADMIN;

  /** Takes, releases and decides cases (and confirms another reviewer's closure). */
  public boolean works() {
    return this == REVIEWER || this == LEAD;
  }

  /** Sees every case, whoever holds it; a reviewer sees open cases and their own. */
  public boolean seesAllCases() {
    return this != REVIEWER;
  }

  public static Role fromWire(String word) {
    return QueueWord.parse(Role.class, "role", word);
  }

  public static String words() {
    return QueueWord.words(Role.class);
  }
}
