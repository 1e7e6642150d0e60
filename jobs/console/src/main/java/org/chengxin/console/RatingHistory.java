package org.chengxin.console;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The ratings a seller received (buyer to seller), per day up to the case's last flagged day: the
 * unflagged ones by score, the flagged ones by the pattern that caught them ({@code rating_flags} as
 * of that day; a rating caught by two patterns counts once, under its clearest). Without a ratings
 * table only the flagged ratings are drawn; without rating flags none is marked; {@code gaps} says so.
 */
record RatingHistory(List<String> days, List<Series> series, List<String> gaps) {
  private static final List<String> SCORES = List.of("positive", "neutral", "negative");

  /** One stack of the chart: {@code kind} a score or a pattern, its count per day of {@code days}. */
  record Series(String kind, boolean flagged, List<Long> counts) {}

  static RatingHistory read(Connection duck, Partitions partitions, String seller, LocalDate asOf) throws SQLException {
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
    String flagged = flags.map(f -> "SELECT rating_id, arg_max(pattern, score) AS pattern, min(rated_at) AS rated_at FROM " + f
        + " WHERE ratee_id = ? GROUP BY rating_id").orElse("SELECT NULL::VARCHAR AS rating_id, NULL::VARCHAR AS pattern, "
        + "NULL::TIMESTAMP AS rated_at WHERE ?::VARCHAR IS NULL");
    String received = ratings.map(r -> "SELECT rating_id, score, rated_at FROM " + r + " WHERE ratee_id = ? AND direction = 'buyer_to_seller'")
        .orElse("SELECT rating_id, 'flagged' AS score, rated_at FROM flagged WHERE ?::VARCHAR IS NOT NULL");
    DuckQuery perDay = DuckQuery.run(duck, "WITH flagged AS (" + flagged + "), received AS (" + received + ") "
        + "SELECT CAST(CAST(received.rated_at AS DATE) AS VARCHAR) AS day, coalesce(flagged.pattern, received.score) AS kind, "
        + "flagged.pattern IS NOT NULL AS is_flagged, count(*) AS ratings FROM received LEFT JOIN flagged USING (rating_id) "
        + "WHERE CAST(received.rated_at AS DATE) <= CAST(? AS DATE) GROUP BY ALL ORDER BY day", seller, seller, asOf.toString());

    TreeSet<String> days = new TreeSet<>();
    Map<String, Boolean> kinds = new LinkedHashMap<>();
    SCORES.forEach(score -> kinds.put(score, false));
    for (List<Object> row : perDay.rows()) {
      days.add((String) row.get(0));
      kinds.put((String) row.get(1), (Boolean) row.get(2));
    }
    List<String> dayList = List.copyOf(days);
    Map<String, long[]> counts = new LinkedHashMap<>();
    kinds.keySet().forEach(kind -> counts.put(kind, new long[dayList.size()]));
    for (List<Object> row : perDay.rows()) {
      counts.get((String) row.get(1))[dayList.indexOf((String) row.get(0))] = ((Number) row.get(3)).longValue();
    }
    List<Series> series = new ArrayList<>();
    counts.forEach((kind, perKind) -> {
      if (Arrays.stream(perKind).sum() > 0) {
        series.add(new Series(kind, kinds.get(kind), Arrays.stream(perKind).boxed().toList()));
      }
    });
    return new RatingHistory(dayList, series, gaps);
  }

  /** The same figures as a table: a row per day, a column per score and pattern. */
  EvidenceTable table() {
    return new DailyCounts("Ratings received per day", days,
        series.stream().map(s -> new DailyCounts.Series(s.flagged() ? "flagged: " + s.kind() : s.kind(), s.counts())).toList(), true,
        gaps.isEmpty() ? "no rating of this seller in the warehouse" : String.join("; ", gaps)).table();
  }
}
