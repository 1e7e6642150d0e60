package org.chengxin.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.chengxin.core.csv.Delimited;
import org.chengxin.core.csv.TextFiles;
import org.chengxin.core.event.EventFields;
import org.chengxin.core.event.EventKind;
import org.chengxin.core.event.RatingDirection;
import org.chengxin.core.event.RatingScore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a delimited rating file into Chengxin rating events (docs/events.md): each row becomes one
 * buyer_to_seller rating with a synthesised trade id (ingest marks it trade_known = false) and no
 * detailed ratings, written to OUT/events/YYYY-MM-DD/ratings.jsonl by its UTC day. Rows that cannot
 * be read are counted by reason, never dropped silently; when more than the allowed share is
 * rejected nothing is written. Output goes to a staging folder renamed into place at the end.
 */
public final class RatingImporter {
  private static final Logger LOG = LoggerFactory.getLogger(RatingImporter.class);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int OPEN_DAY_FILES = 64;
  private static final long PROGRESS_EVERY = 1_000_000;

  /** One converted row. */
  public record Rating(String ratingId, String tradeId, String rater, String ratee, RatingScore score, Instant ratedAt) {
    public LocalDate day() {
      return LocalDate.ofInstant(ratedAt, ZoneOffset.UTC);
    }

    /** The wire-format line. */
    public String toJson() {
      ObjectNode o = JSON.createObjectNode();
      o.put(EventFields.KIND, EventKind.RATING.wireName());
      o.put(EventFields.RATING_ID, ratingId);
      o.put(EventFields.TRADE_ID, tradeId);
      o.put(EventFields.RATER_ID, rater);
      o.put(EventFields.RATEE_ID, ratee);
      o.put(EventFields.DIRECTION, RatingDirection.BUYER_TO_SELLER.wire());
      o.put(EventFields.SCORE, score.wire());
      o.putNull(EventFields.ITEM_AS_DESCRIBED);
      o.putNull(EventFields.SERVICE);
      o.putNull(EventFields.LOGISTICS);
      o.put(EventFields.RATED_AT, ratedAt.truncatedTo(ChronoUnit.SECONDS).toString());
      o.put(EventFields.HIDDEN, false);
      return o.toString();
    }
  }

  /** A row's fate: a rating, or why not. */
  public record Outcome(Rating rating, ImportReject reject) {}

  /** What an import did. */
  public record Result(long read, long written, long heldOut, Map<ImportReject, Long> rejected,
      Map<RatingScore, Long> byScore, LocalDate firstDay, LocalDate lastDay, long days, boolean refused) {
    public long rejectedTotal() {
      return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Flat JSON for stdout. */
    public String toJson() {
      ObjectNode o = JSON.createObjectNode();
      o.put("read", read);
      o.put("written", written);
      o.put("held_out", heldOut);
      o.put("rejected", rejectedTotal());
      for (ImportReject r : ImportReject.values()) {
        o.put("rejected." + r.wire(), rejected.getOrDefault(r, 0L));
      }
      for (RatingScore s : RatingScore.values()) {
        o.put("score." + s.wire(), byScore.getOrDefault(s, 0L));
      }
      o.put("days", days);
      o.put("first_day", firstDay == null ? null : firstDay.toString());
      o.put("last_day", lastDay == null ? null : lastDay.toString());
      o.put("refused", refused);
      return o.toString();
    }
  }

  private final ImportOptions options;
  private final Delimited format;
  private final Instant latest;
  private int[] columns;

  /** @param now the import's clock: times more than a day after it are rejected */
  public RatingImporter(ImportOptions options, Instant now) {
    this.options = options;
    this.format = Delimited.by(options.delimiter());
    this.latest = now.plus(1, ChronoUnit.DAYS);
  }

  /** Reads the whole file and writes the events; fails if OUT/events exists already. */
  public Result run() throws IOException {
    Path events = options.out().resolve("events");
    if (Files.exists(events)) {
      throw new IllegalArgumentException(events + " exists already: import into a new folder");
    }
    Set<String> heldOutRatees = readHoldOut();
    Path staging = options.out().resolve(".events-import-" + ProcessHandle.current().pid());
    long read = 0;
    long written = 0;
    long heldOut = 0;
    Map<ImportReject, Long> rejected = new EnumMap<>(ImportReject.class);
    Map<ImportReject, List<Long>> examples = new EnumMap<>(ImportReject.class);
    Map<RatingScore, Long> byScore = new EnumMap<>(RatingScore.class);
    TreeMap<LocalDate, Long> perDay = new TreeMap<>();
    Files.createDirectories(staging);
    try (BufferedReader in = TextFiles.open(options.input());
        DayFiles out = new DayFiles(staging)) {
      String line = in.readLine();
      long lineNumber = 1;
      if (options.header()) {
        if (line == null) {
          throw new IllegalArgumentException("--header given but the file is empty");
        }
        columns = resolve(format.split(stripBom(line)));
        line = in.readLine();
        lineNumber++;
      } else {
        columns = resolve(null);
      }
      for (; line != null; line = in.readLine(), lineNumber++) {
        if (line.isBlank()) {
          continue;
        }
        read++;
        Outcome outcome = convert(line, lineNumber);
        if (outcome.reject() != null) {
          rejected.merge(outcome.reject(), 1L, Long::sum);
          List<Long> ex = examples.computeIfAbsent(outcome.reject(), k -> new ArrayList<>());
          if (ex.size() < 5) {
            ex.add(lineNumber);
          }
        } else if (heldOutRatees.contains(outcome.rating().ratee())) {
          heldOut++;
        } else {
          out.write(outcome.rating().day(), outcome.rating().toJson());
          byScore.merge(outcome.rating().score(), 1L, Long::sum);
          perDay.merge(outcome.rating().day(), 1L, Long::sum);
          written++;
        }
        if (read % PROGRESS_EVERY == 0) {
          LOG.info("stage=import rows={} written={} rejected={}", read, written, rejected.values().stream().mapToLong(Long::longValue).sum());
        }
      }
    } catch (IOException | RuntimeException e) {
      deleteRecursively(staging);
      throw e;
    }
    examples.forEach((reason, lines) -> LOG.warn("rejected {}: e.g. lines {}", reason.wire(), lines));
    long rejectedTotal = rejected.values().stream().mapToLong(Long::longValue).sum();
    boolean refused = read == 0 || rejectedTotal > options.maxRejectedShare() * read;
    if (refused) {
      deleteRecursively(staging);
    } else {
      Files.move(staging, events);
    }
    return new Result(read, refused ? 0 : written, heldOut, rejected, byScore,
        perDay.isEmpty() ? null : perDay.firstKey(), perDay.isEmpty() ? null : perDay.lastKey(), perDay.size(), refused);
  }

  /** Converts one data line (after the header) at 1-based {@code lineNumber}. */
  Outcome convert(String line, long lineNumber) {
    if (columns == null) {
      columns = resolve(null);
    }
    List<String> fields = format.split(line);
    if (fields == null) {
      return reject(ImportReject.UNBALANCED_QUOTES);
    }
    int needed = 1 + Math.max(Math.max(columns[0], columns[1]), Math.max(columns[2], columns[3]));
    if (fields.size() < needed) {
      return reject(ImportReject.MISSING_COLUMNS);
    }
    String rater = fields.get(columns[0]).strip();
    String ratee = fields.get(columns[1]).strip();
    if (rater.isEmpty() || ratee.isEmpty()) {
      return reject(ImportReject.MISSING_ID);
    }
    rater = options.idPrefix() + rater;
    ratee = options.idPrefix() + options.rateePrefix() + ratee;
    if (!ID.matcher(rater).matches() || !ID.matcher(ratee).matches()) {
      return reject(ImportReject.MALFORMED_ID);
    }
    if (rater.equals(ratee)) {
      return reject(ImportReject.SELF_RATING);
    }
    double value;
    try {
      value = Double.parseDouble(fields.get(columns[2]).strip());
    } catch (NumberFormatException e) {
      return reject(ImportReject.UNPARSEABLE_RATING);
    }
    if (!Double.isFinite(value)) {
      return reject(ImportReject.UNPARSEABLE_RATING);
    }
    if (value < options.scaleMin() || value > options.scaleMax()) {
      return reject(ImportReject.OUT_OF_SCALE);
    }
    Instant time;
    try {
      time = options.timeFormat().instant(fields.get(columns[3]));
    } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
      return reject(ImportReject.UNPARSEABLE_TIME);
    }
    if (time.isBefore(EARLIEST) || time.isAfter(latest)) {
      return reject(ImportReject.TIME_OUT_OF_RANGE);
    }
    RatingScore score = value >= options.positiveMin() ? RatingScore.POSITIVE
        : value <= options.negativeMax() ? RatingScore.NEGATIVE : RatingScore.NEUTRAL;
    String suffix = Long.toString(lineNumber);
    return new Outcome(
        new Rating(options.idPrefix() + "r" + suffix, options.idPrefix() + "t" + suffix, rater, ratee, score, time), null);
  }

  private static Outcome reject(ImportReject reason) {
    return new Outcome(null, reason);
  }

  /** Column indices of rater, ratee, rating, time, by index or by header name. */
  private int[] resolve(List<String> header) {
    String[] names = {options.rater(), options.ratee(), options.rating(), options.time()};
    int[] indices = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      if (names[i].matches("\\d+")) {
        indices[i] = Integer.parseInt(names[i]);
      } else {
        int at = header == null ? -1 : header.stream().map(String::strip).toList().indexOf(names[i]);
        if (at < 0) {
          throw new IllegalArgumentException("no column named '" + names[i] + "' in the header " + header);
        }
        indices[i] = at;
      }
    }
    return indices;
  }

  private Set<String> readHoldOut() throws IOException {
    Set<String> ids = new HashSet<>();
    if (options.holdOutRatees().isPresent()) {
      try (Stream<String> lines = Files.lines(options.holdOutRatees().get(), StandardCharsets.UTF_8)) {
        lines.map(format::split)
            .filter(f -> f != null && !f.get(0).isBlank())
            .forEach(f -> ids.add(options.idPrefix() + options.rateePrefix() + f.get(0).strip()));
      }
    }
    return ids;
  }

  private static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** Appending writers per day folder, at most {@value #OPEN_DAY_FILES} open (input need not be sorted). */
  private static final class DayFiles implements AutoCloseable {
    private final Path root;
    private final LinkedHashMap<LocalDate, BufferedWriter> open = new LinkedHashMap<>(16, 0.75f, true);

    DayFiles(Path root) {
      this.root = root;
    }

    void write(LocalDate day, String line) throws IOException {
      BufferedWriter w = open.get(day);
      if (w == null) {
        if (open.size() >= OPEN_DAY_FILES) {
          Map.Entry<LocalDate, BufferedWriter> eldest = open.entrySet().iterator().next();
          eldest.getValue().close();
          open.remove(eldest.getKey());
        }
        Path dir = root.resolve(day.toString());
        Files.createDirectories(dir);
        w = Files.newBufferedWriter(dir.resolve(EventKind.RATING.table() + ".jsonl"), StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        open.put(day, w);
      }
      w.write(line);
      w.newLine();
    }

    @Override
    public void close() throws IOException {
      IOException failure = null;
      for (BufferedWriter w : open.values()) {
        try {
          w.close();
        } catch (IOException e) {
          failure = failure == null ? e : failure;
        }
      }
      open.clear();
      if (failure != null) {
        throw new UncheckedIOException(failure);
      }
    }
  }
}
