package org.chengxin.review;

import com.fasterxml.jackson.annotation.JsonCreator;

/** What an {@link AuditEntry} records; the words are the {@code audit_log.action} column's. */
public enum AuditAction implements QueueWord {
  LOGIN_OK,
  /** A wrong password, or a name no account has. */
  LOGIN_FAILED,
  /** A login refused because the account is locked (the tenth wrong password locks it). */
  LOGIN_LOCKED,
  LOGOUT,
  ACCOUNT_CREATED,
  ACCOUNT_UNLOCKED,
  TAKE,
  RELEASE,
  REASSIGN,
  /** A case's page with its evidence was shown. */
  VIEW_EVIDENCE,
  DECIDE,
  PROPOSE_CLOSURE,
  CONFIRM_CLOSURE,
  /** A penalty lifted, its certificates received or checked, its appeal filed or decided (the detail says which). */
  PENALTY_EVENT;

  @JsonCreator
  public static AuditAction fromWire(String word) {
    return QueueWord.parse(AuditAction.class, "action", word);
  }
}
