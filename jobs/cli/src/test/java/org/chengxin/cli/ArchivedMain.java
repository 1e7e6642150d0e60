package org.chengxin.cli;

/** A main for {@link ClassDataArchiveTest} to run in a JVM of its own. */
public final class ArchivedMain {
  private ArchivedMain() {}

  public static void main(String[] args) {
    System.out.println("ran " + String.join(" ", args));
  }
}
