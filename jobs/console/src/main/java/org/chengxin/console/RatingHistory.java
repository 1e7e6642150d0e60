package org.chengxin.console;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ratings a seller received (buyer to seller), per day up to the case's last flagged day: the
 * unflagged ones by score, the flagged ones by the pattern that caught them ({@code rating_flags} as
 * of that day; a rating caught by two patterns counts once, under its clearest). Without a ratings
 * table only the flagged ratings are drawn; without rating flags none is marked; {@code gaps} says so.
 */
record RatingHistory(List<String> days, List<Series> series, List<String> gaps) {
  private static final List<String> SCORES = List.of("positive", "neutral", "negative");

  /** A flag on a rating: the pattern, its score, the day of the rating. */
  private record Flag(String pattern, double score, String firstDay) {
    Flag clearer(Flag other) {
      int byScore = Double.compare(score, other.score);
      String day = firstDay.compareTo(other.firstDay) <= 0 ? firstDay : other.firstDay;
      Flag kept = byScore > 0 || (byScore == 0 && pattern.compareTo(other.pattern) <= 0) ? this : other;
      return new Flag(kept.pattern, kept.score, day);
    }
  }

  /** A rating the seller received: its score (positive, neutral, negative) and day. */
  private record Rating(String id, String score, String day) {}

  /** One stack of the chart: {@code kind} a score or a pattern, its count per day of {@code days}. */
  record Series(String kind, boolean flagged, List<Long> counts) {}

  static RatingHistory read(DuckReader duck, Partitions partitions, String seller, LocalDate asOf) throws SQLException {
    List<String> gaps = new ArrayList<>();
    Optional<String> flags = partitions.asOf("rating_flags", asOf);
    Optional<String> ratings = partitions.between("ratings", LocalDate.EPOCH, asOf);
    if (flags.isEmpty()) {
      gaps.add("no rating_flags table in the warehouse by " + asOf + ": no rating is marked");
    }
    if (ratings.isEmpty()) {
      gaps.add("no ratings table in the warehouse by " + asOf + ": only the flagged ratings are drawn");
    }
    if (flags.isEmpty() && ratings.isEmpty()) {
      return new RatingHistory(List.of(), List.of(), gaps);
    }
    // The seller's rows only, in one statement; the join and the counts are the page's few rows of work in Java.
    List<String> branches = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    flags.ifPresent(f -> {
      branches.add("SELECT true AS is_flag, rating_id, pattern AS kind, score, CAST(CAST(rated_at AS DATE) AS VARCHAR) AS day FROM " + f
          + " WHERE ratee_id = ?");
      parameters.add(seller);
    });
    ratings.ifPresent(r -> {
      branches.add("SELECT false, rating_id, score, NULL, CAST(CAST(rated_at AS DATE) AS VARCHAR) FROM " + r
          + " WHERE ratee_id = ? AND direction = 'buyer_to_seller'");
      parameters.add(seller);
    });
    DuckQuery rows = duck.query(String.join(" UNION ALL ", branches), parameters.toArray());

    // A rating caught by two patterns counts once, under the one that scored it highest (a tie: the first by name).
    Map<String, Flag> flagged = new HashMap<>();
    List<Rating> received = new ArrayList<>();
    for (List<Object> row : rows.rows()) {
      String ratingId = (String) row.get(1);
      String day = (String) row.get(4);
      if ((Boolean) row.get(0)) {
        flagged.merge(ratingId, new Flag((String) row.get(2), ((Number) row.get(3)).doubleValue(), day), Flag::clearer);
      } else {
        received.add(new Rating(ratingId, (String) row.get(2), day));
      }
    }
    if (ratings.isEmpty()) {
      flagged.forEach((ratingId, flag) -> received.add(new Rating(ratingId, flag.pattern(), flag.firstDay())));
    }
    String last = asOf.toString();
    // Kind (a score, or the pattern of a flagged rating) -> day -> ratings.
    Map<String, TreeMap<String, Long>> perKind = new HashMap<>();
    Set<String> patterns = new HashSet<>();
    for (Rating rating : received) {
      if (rating.day().compareTo(last) <= 0) {
        Flag flag = flagged.get(rating.id());
        String kind = flag == null ? rating.score() : flag.pattern();
        if (flag != null) {
          patterns.add(kind);
        }
        perKind.computeIfAbsent(kind, k -> new TreeMap<>()).merge(rating.day(), 1L, Long::sum);
      }
    }
    // The scores first, in their order, then the patterns by the day each first appears (then by name).
    Comparator<String> order = Comparator.<String, Boolean>comparing(patterns::contains)
        .thenComparing(kind -> patterns.contains(kind) ? perKind.get(kind).firstKey() : "")
        .thenComparingInt(kind -> SCORES.contains(kind) ? SCORES.indexOf(kind) : SCORES.size())
        .thenComparing(Comparator.naturalOrder());
    List<List<Object>> counted = new ArrayList<>();
    perKind.keySet().stream().sorted(order).forEach(kind -> perKind.get(kind).forEach((day, count) -> counted.add(List.of(day, kind, count))));
    DailyCounts pivot = DailyCounts.of("Ratings received per day", counted, true, null);
    return new RatingHistory(pivot.days(),
        pivot.series().stream().map(s -> new Series(s.name(), patterns.contains(s.name()), s.counts())).toList(), gaps);
  }

  /** The same figures as a table: a row per day, a column per score and pattern. */
  EvidenceTable table() {
    return new DailyCounts("Ratings received per day", days,
        series.stream().map(s -> new DailyCounts.Series(s.flagged() ? "flagged: " + s.kind() : s.kind(), s.counts())).toList(), true,
        gaps.isEmpty() ? "no rating of this seller in the warehouse" : String.join("; ", gaps)).table();
  }
}
