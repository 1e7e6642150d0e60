package org.chengxin.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;

/**
 * Keeps two nightly runs off one warehouse: an exclusive operating-system lock on
 * {@code WAREHOUSE/_nightly.lock}, held for the whole run. The system drops the lock when its
 * holder exits or is killed ({@code kill -9} included), so a crashed run never leaves a stale lock
 * behind; the file keeps a line saying who took it last (process, host, time, what it runs), which
 * a refused run quotes. Works on a local or NFS-mounted warehouse; an object-store warehouse needs
 * the scheduler's own exclusion.
 */
final class WarehouseLock implements AutoCloseable {
  static final String FILE = "_nightly.lock";

  /** Another run holds the lock. */
  static final class Busy extends Exception {
    Busy(Path warehouse, String holder) {
      super("warehouse " + warehouse + " is in use by another run: " + (holder.isBlank() ? "holder unknown" : holder));
    }
  }

  private final FileChannel channel;
  private final FileLock lock;

  private WarehouseLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock at once or fails: a nightly run waits for no one.
   *
   * @param what what the run does, for the holder line (no personal data: a command, not a user)
   * @throws Busy when another process (or this one) holds it, with the holder's line
   */
  static WarehouseLock acquire(Path warehouse, String what, Clock clock) throws Busy {
    try {
      Files.createDirectories(warehouse);
      FileChannel channel = FileChannel.open(warehouse.resolve(FILE),
          StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException heldHere) {
        lock = null;
      }
      if (lock == null) {
        String holder = holderLine(channel);
        channel.close();
        throw new Busy(warehouse, holder);
      }
      byte[] line = (holder(clock.instant()) + " " + what + "\n").getBytes(StandardCharsets.UTF_8);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(line), 0);
      channel.force(false);
      return new WarehouseLock(channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock the warehouse " + warehouse, e);
    }
  }

  private static String holder(Instant since) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown host";
    }
    return "pid " + ProcessHandle.current().pid() + " on " + host + " since " + since + ":";
  }

  private static String holderLine(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
    channel.read(buffer, 0);
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
