package org.chengxin.graph.fraudar;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.chengxin.core.csv.Delimited;
import org.chengxin.graph.kernels.BipartiteAdjacency;

/**
 * The distinct (rater, ratee) pairs of a delimited rating file, ids encoded to dense ints once per
 * side: FRAUDAR's rater x ratee graph, every pair weight 1 however often it was rated, ratings and
 * times ignored. Each side is numbered in id order, numeric order when every id of the side is a
 * whole number (as in FRAUDAR's reference code, whose matrix indices are the ids), so ties in the
 * peel break the same way.
 *
 * @param lines the rating lines read
 * @param raterIds original id of each rater number
 * @param rateeIds original id of each ratee number
 * @param rater each distinct pair's rater, pairs in (rater, ratee) order
 * @param ratee each distinct pair's ratee
 */
public record RatingPairs(long lines, String[] raterIds, String[] rateeIds, int[] rater, int[] ratee) {

  /**
   * The first {@code maxLines} rating lines of {@code file} (no header; blank lines skipped).
   *
   * @throws IOException naming the file and line when a line is malformed or too short
   */
  public static RatingPairs read(Path file, char delimiter, int raterField, int rateeField, long maxLines)
      throws IOException {
    Delimited format = Delimited.by(delimiter);
    Map<String, Integer> raters = new HashMap<>();
    Map<String, Integer> ratees = new HashMap<>();
    int[] from = new int[1024];
    int[] to = new int[1024];
    int lines = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int lineNumber = 0;
      for (String line = in.readLine(); line != null && lines < maxLines; line = in.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        List<String> fields = line.indexOf('"') < 0 ? unquoted(line, delimiter) : format.split(line);
        if (fields == null || fields.size() <= Math.max(raterField, rateeField)) {
          throw new IOException(file + " line " + lineNumber + " has no field " + Math.max(raterField, rateeField)
              + " (fields count from 0)");
        }
        if (lines == from.length) {
          from = Arrays.copyOf(from, 2 * lines);
          to = Arrays.copyOf(to, 2 * lines);
        }
        from[lines] = raters.computeIfAbsent(fields.get(raterField), id -> raters.size());
        to[lines++] = ratees.computeIfAbsent(fields.get(rateeField), id -> ratees.size());
      }
    }
    String[] raterIds = inIdOrder(raters);
    String[] rateeIds = inIdOrder(ratees);
    int[] raterRank = ranks(raters, raterIds);
    int[] rateeRank = ranks(ratees, rateeIds);
    long[] pairs = new long[lines];
    for (int i = 0; i < lines; i++) {
      pairs[i] = (long) raterRank[from[i]] << 32 | rateeRank[to[i]];
    }
    Arrays.sort(pairs);
    int distinct = 0;
    for (int i = 0; i < lines; i++) {
      if (distinct == 0 || pairs[i] != pairs[distinct - 1]) {
        pairs[distinct++] = pairs[i];
      }
    }
    int[] rater = new int[distinct];
    int[] ratee = new int[distinct];
    for (int i = 0; i < distinct; i++) {
      rater[i] = (int) (pairs[i] >>> 32);
      ratee[i] = (int) pairs[i];
    }
    return new RatingPairs(lines, raterIds, rateeIds, rater, ratee);
  }

  /** The fields of a line without quotes, split by hand: a parser per line costs more than the peel. */
  private static List<String> unquoted(String line, char delimiter) {
    List<String> fields = new ArrayList<>(4);
    int start = 0;
    for (int end = line.indexOf(delimiter); end >= 0; end = line.indexOf(delimiter, start)) {
      fields.add(line.substring(start, end));
      start = end + 1;
    }
    fields.add(line.substring(start));
    return fields;
  }

  public int pairCount() {
    return rater.length;
  }

  /** The pairs as a graph: raters are the rows, ratees the columns, every pair weight 1. */
  public BipartiteAdjacency adjacency() {
    double[] ones = new double[rater.length];
    Arrays.fill(ones, 1.0);
    return BipartiteAdjacency.of(raterIds.length, rateeIds.length, rater, ratee, ones);
  }

  /** A side's ids in order: by value when all are whole numbers, else as text. */
  private static String[] inIdOrder(Map<String, Integer> ids) {
    String[] names = ids.keySet().toArray(new String[0]);
    boolean numeric = Arrays.stream(names).allMatch(RatingPairs::isWholeNumber);
    Arrays.sort(names, numeric ? Comparator.comparingLong(Long::parseLong) : Comparator.naturalOrder());
    return names;
  }

  private static boolean isWholeNumber(String id) {
    try {
      Long.parseLong(id);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Arrival number to final number. */
  private static int[] ranks(Map<String, Integer> ids, String[] ordered) {
    int[] rank = new int[ordered.length];
    IntStream.range(0, ordered.length).forEach(r -> rank[ids.get(ordered[r])] = r);
    return rank;
  }
}
