package org.chengxin.review;

/** Where an audited action came from: the web console, the terminal queue, or account administration. */
public enum Channel implements QueueWord {
  CONSOLE,
  QUEUE,
  CONSOLE_USER
}
