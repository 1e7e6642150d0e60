package org.chengxin.generator;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.chengxin.core.event.EventKind;

/**
 * The raw feed on disk: {@code events/YYYY-MM-DD/<table>.jsonl}, one buffered stream per day and
 * kind, opened on first use and closed once the generator has moved past that day. Injects the feed
 * faults around each valid event line and counts exactly what each file holds. Only the kinds it
 * is given get files (every day's, empty or not): rating revisions only when they are planted, so
 * a run without them writes what it wrote before they existed.
 */
final class FeedFiles implements Closeable {
  private static final int BUFFER_BYTES = 1 << 16;
  /** Chance per valid line that one held-back duplicate is re-delivered now (else at day end). */
  private static final int DUPLICATE_RELEASE_ODDS = 32;
  private static final int MAX_LATE_DAYS = 3;

  /** What one day file holds, line by line. */
  static final class Counts {
    long valid;
    long duplicates;
    long lateRedeliveries;
    final long[] malformed = new long[FaultKind.values().length];

    long malformedTotal() {
      long n = 0;
      for (long m : malformed) {
        n += m;
      }
      return n;
    }

    long lines() {
      return valid + duplicates + lateRedeliveries + malformedTotal();
    }
  }

  private static final class DayFile {
    final Path path;
    final Counts counts = new Counts();
    final List<byte[]> heldDuplicates = new ArrayList<>();
    OutputStream out;
    boolean closed;

    DayFile(Path path) {
      this.path = path;
    }
  }

  private final FeedFaults faults;
  private final SplittableRandom rng;
  private final MalformedLines malformed = new MalformedLines();
  private final DayFile[][] files;
  private final Set<EventKind> kinds;

  /** @param kinds the kinds written: each gets a file per day, and no other kind may be written */
  FeedFiles(Path eventsDir, LocalDate firstDay, int days, FeedFaults faults, SplittableRandom rng, Set<EventKind> kinds) {
    this.faults = faults;
    this.rng = rng;
    this.kinds = Collections.unmodifiableSet(EnumSet.copyOf(kinds));
    if (!kinds.contains(EventKind.TRADE)) {
      throw new IllegalArgumentException("a feed always has trades");
    }
    files = new DayFile[days][EventKind.values().length];
    for (int d = 0; d < days; d++) {
      Path dir = eventsDir.resolve(firstDay.plusDays(d).toString());
      for (EventKind kind : kinds) {
        files[d][kind.ordinal()] = new DayFile(dir.resolve(kind.table() + ".jsonl"));
      }
    }
  }

  /** The kinds this feed has files for, in declaration order. */
  Set<EventKind> kinds() {
    return kinds;
  }

  /** Writes one valid event line into the file of its event day, plus any faults drawn for it. */
  void write(EventKind kind, int day, EventLines.Line line) {
    DayFile file = file(day, kind);
    writeLine(file, line.bytes(), line.length());
    file.counts.valid++;
    if (!file.heldDuplicates.isEmpty() && rng.nextInt(DUPLICATE_RELEASE_ODDS) == 0) {
      byte[] duplicate = file.heldDuplicates.remove(0);
      writeLine(file, duplicate, duplicate.length);
      file.counts.duplicates++;
    }
    if (Draws.chance(rng, faults.duplicateRate())) {
      file.heldDuplicates.add(line.copy());
    }
    if (Draws.chance(rng, faults.lateRate())) {
      int lateDay = day + 1 + rng.nextInt(MAX_LATE_DAYS);
      if (lateDay < files.length) {
        DayFile later = files[lateDay][kind.ordinal()];
        writeLine(later, line.bytes(), line.length());
        later.counts.lateRedeliveries++;
      }
    }
    if (Draws.chance(rng, faults.malformedRate())) {
      List<FaultKind> applicable = FaultKind.applicableTo(kind);
      FaultKind fault = applicable.get(rng.nextInt(applicable.size()));
      byte[] broken = malformed.make(kind, line.copy(), fault, rng);
      writeLine(file, broken, broken.length);
      file.counts.malformed[fault.ordinal()]++;
    }
  }

  /** Flushes held duplicates and closes the day's files; nothing may be written to that day after. */
  void closeDay(int day) {
    for (DayFile file : files[day]) {
      if (file == null) {
        continue;
      }
      for (byte[] duplicate : file.heldDuplicates) {
        writeLine(file, duplicate, duplicate.length);
        file.counts.duplicates++;
      }
      file.heldDuplicates.clear();
      try {
        open(file).close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close " + file.path, e);
      }
      file.out = null;
      file.closed = true;
    }
  }

  Counts counts(int day, EventKind kind) {
    return file(day, kind).counts;
  }

  @Override
  public void close() {
    for (int d = 0; d < files.length; d++) {
      if (!files[d][0].closed) {
        closeDay(d);
      }
    }
  }

  private DayFile file(int day, EventKind kind) {
    DayFile file = files[day][kind.ordinal()];
    if (file == null) {
      throw new IllegalStateException("this feed has no " + kind.table() + " files");
    }
    return file;
  }

  private static void writeLine(DayFile file, byte[] bytes, int length) {
    try {
      OutputStream out = open(file);
      out.write(bytes, 0, length);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file.path, e);
    }
  }

  private static OutputStream open(DayFile file) throws IOException {
    if (file.closed) {
      throw new IllegalStateException("write after close of " + file.path);
    }
    if (file.out == null) {
      Files.createDirectories(file.path.getParent());
      file.out = new BufferedOutputStream(Files.newOutputStream(file.path), BUFFER_BYTES);
    }
    return file.out;
  }
}
