package org.chengxin.jobs.ratings;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.chengxin.detectors.ratings.RatingFlag;

/**
 * A partition sorted by one account column, walked as runs of the rows of one account: how the
 * per-rater and per-ratee patterns hand each account's ratings to the core's rules in a Spark task.
 */
final class SortedRuns {
  private SortedRuns() {}

  /**
   * The flag rows of every run.
   *
   * @param accountIndex position of the account column the partition is sorted by
   * @param rules one run's rows in order to its flags ({@link RatingFlag#rating}: position in the run)
   * @param toRow a flagged rating's row and its flag to a row of {@link RatingPatterns#FLAG_ROWS}
   */
  static Iterator<Row> flags(Iterator<Row> sorted, int accountIndex, Function<List<Row>, List<RatingFlag>> rules,
      BiFunction<Row, RatingFlag, Row> toRow) {
    List<Row> flags = new ArrayList<>();
    List<Row> run = new ArrayList<>();
    while (true) {
      Row r = sorted.hasNext() ? sorted.next() : null;
      if (!run.isEmpty() && (r == null || !r.getString(accountIndex).equals(run.get(0).getString(accountIndex)))) {
        for (RatingFlag f : rules.apply(run)) {
          flags.add(toRow.apply(run.get(f.rating()), f));
        }
        run.clear();
      }
      if (r == null) {
        return flags.iterator();
      }
      run.add(r);
    }
  }
}
