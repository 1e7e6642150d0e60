package org.chengxin.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.chengxin.core.event.EventKind;
import org.chengxin.core.validation.RejectReason;

/**
 * The ingest job's counters (Flink accumulators, exact once the job has finished) and the run
 * summary built from them. Every line read is counted once when read and once where it ends:
 * accepted into its table, rejected, a duplicate or late. The summary refuses to exist unless
 * read = accepted + rejected + duplicates + late for every kind.
 */
public final class IngestCounts {
  /** Kind bucket of lines whose kind could not be read. */
  public static final String UNREADABLE = "unreadable";

  private static final ObjectMapper JSON = new ObjectMapper();

  private IngestCounts() {}

  public static final String READ = "read";
  public static final String ACCEPTED = "accepted";
  public static final String DUPLICATES = "duplicates";
  public static final String LATE = "late";
  public static final String UNKNOWN_TRADE = "unknown_trade";

  /** Accumulator name of one metric of one kind bucket, e.g. {@code rating.duplicates}. */
  public static String name(String bucket, String metric) {
    return bucket + "." + metric;
  }

  public static String rejected(String bucket, RejectReason reason) {
    return bucket + ".rejected." + reason.wire();
  }

  /** The kind bucket of a line: its kind's wire name, or {@link #UNREADABLE}. */
  public static String bucket(EventKind kind) {
    return kind == null ? UNREADABLE : kind.wireName();
  }

  /**
   * The per-kind counts and totals; throws {@link IllegalStateException} when any kind does not
   * reconcile, because then lines were lost or counted twice.
   */
  public static ObjectNode summarise(Map<String, ?> accumulators) {
    ObjectNode kinds = JSON.createObjectNode();
    long[] totals = new long[6];
    List<String> broken = new ArrayList<>();
    List<String> buckets = new ArrayList<>();
    for (EventKind kind : EventKind.values()) {
      buckets.add(kind.wireName());
    }
    buckets.add(UNREADABLE);
    for (String bucket : buckets) {
      long read = count(accumulators, name(bucket, READ));
      long accepted = count(accumulators, name(bucket, ACCEPTED));
      long duplicates = count(accumulators, name(bucket, DUPLICATES));
      long late = count(accumulators, name(bucket, LATE));
      long unknownTrade = count(accumulators, name(bucket, UNKNOWN_TRADE));
      Map<String, Long> byReason = new TreeMap<>();
      for (RejectReason reason : RejectReason.values()) {
        long n = count(accumulators, rejected(bucket, reason));
        if (n > 0) {
          byReason.put(reason.wire(), n);
        }
      }
      long rejected = byReason.values().stream().mapToLong(Long::longValue).sum();
      ObjectNode entry = kinds.putObject(bucket);
      entry.put("read", read).put("accepted", accepted).put("rejected", rejected);
      byReason.forEach(entry.putObject("rejected_by_reason")::put);
      entry.put("duplicates", duplicates).put("late", late).put("unknown_trade", unknownTrade);
      long[] row = {read, accepted, rejected, duplicates, late, unknownTrade};
      for (int i = 0; i < row.length; i++) {
        totals[i] += row[i];
      }
      if (read != accepted + rejected + duplicates + late) {
        broken.add(bucket + ": read " + read + " != accepted " + accepted + " + rejected " + rejected
            + " + duplicates " + duplicates + " + late " + late);
      }
    }
    if (!broken.isEmpty()) {
      throw new IllegalStateException("ingest counts do not reconcile: " + String.join("; ", broken));
    }
    ObjectNode summary = JSON.createObjectNode();
    summary.putObject("totals")
        .put("read", totals[0]).put("accepted", totals[1]).put("rejected", totals[2])
        .put("duplicates", totals[3]).put("late", totals[4]).put("unknown_trade", totals[5]);
    summary.set("kinds", kinds);
    summary.put("reconciled", true);
    return summary;
  }

  private static long count(Map<String, ?> accumulators, String name) {
    Object value = accumulators.get(name);
    return value == null ? 0 : ((Number) value).longValue();
  }
}
