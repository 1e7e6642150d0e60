package org.chengxin.cli;

import java.nio.file.Path;
import java.time.Clock;

/** A process that takes a warehouse's nightly lock and keeps it until it is killed (WarehouseLockTest). */
final class HoldWarehouseLock {
  private HoldWarehouseLock() {}

  public static void main(String[] args) throws Exception {
    WarehouseLock lock = WarehouseLock.acquire(Path.of(args[0]), "a test's holder process", Clock.systemUTC());
    System.out.println("held");
    System.out.flush();
    // Blocks until the test kills this process; the lock is never released by this code.
    System.in.read();
    lock.close();
  }
}
