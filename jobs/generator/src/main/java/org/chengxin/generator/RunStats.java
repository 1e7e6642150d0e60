package org.chengxin.generator;

import java.util.EnumMap;
import java.util.Map;
import org.chengxin.core.event.ComplaintOutcome;
import org.chengxin.core.event.RatingScore;
import org.chengxin.core.event.TradeStatus;

/** What the run emitted (valid events only, first delivery), for the truth files and the log. */
final class RunStats {
  final int[] sellerTrades;
  final long[] ringFirstTrade;
  final long[] ringLastTrade;
  final Map<TradeStatus, Long> tradesByStatus = new EnumMap<>(TradeStatus.class);
  final Map<RatingScore, Long> buyerRatingsByScore = new EnumMap<>(RatingScore.class);
  final Map<RatingScore, Long> sellerRatingsByScore = new EnumMap<>(RatingScore.class);
  final Map<ComplaintOutcome, Long> complaintsByOutcome = new EnumMap<>(ComplaintOutcome.class);
  final Map<MaliciousPattern, Long> maliciousRatings = new EnumMap<>(MaliciousPattern.class);
  final Map<RevisionPattern, Long> revisions = new EnumMap<>(RevisionPattern.class);
  long certificates;
  int revisionBuyers;

  RunStats(int sellers, int rings) {
    sellerTrades = new int[sellers];
    ringFirstTrade = new long[rings];
    ringLastTrade = new long[rings];
    java.util.Arrays.fill(ringFirstTrade, Long.MAX_VALUE);
    java.util.Arrays.fill(ringLastTrade, Long.MIN_VALUE);
  }

  static <K> void add(Map<K, Long> counts, K key) {
    counts.merge(key, 1L, Long::sum);
  }

  long trades() {
    return tradesByStatus.values().stream().mapToLong(Long::longValue).sum();
  }
}
