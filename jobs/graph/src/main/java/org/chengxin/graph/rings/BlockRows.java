package org.chengxin.graph.rings;

import static org.chengxin.graph.rings.RingDetection.ACCOUNT_ID;
import static org.chengxin.graph.rings.RingDetection.MEMBER_SCORE;
import static org.chengxin.graph.rings.RingDetection.ROLE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.chengxin.graph.components.SharedKeyLinkage;

/**
 * The Spark side of {@link RingEvidence}: reads one gathered block row into its records, and
 * writes a ring back as a row of the {@code rings} columns plus its members.
 */
final class BlockRows {

  // Columns of a gathered block (RingDetection#gather).
  static final String DENSITY = "density";
  static final String SELLERS = "sellers";
  static final String CANDIDATES = "candidates";
  static final String CORE = "core";
  static final String EDGES = "edges";
  static final String FIRST_SEEN = "first_seen";
  static final String KEYS = "keys";
  static final String ACTIONS = "actions";
  static final String TRADES = "trades";
  static final String RATINGS = "ratings";
  /** The ring's members, beside the {@code rings} columns. */
  static final String MEMBERS = "members";

  private static final StructType MEMBER =
      new StructType()
          .add(ACCOUNT_ID, DataTypes.StringType, false)
          .add(ROLE, DataTypes.StringType, false)
          .add(MEMBER_SCORE, DataTypes.DoubleType, false);

  /** The {@code rings} columns in table order, then {@value #MEMBERS}. */
  static final StructType RING_WITH_MEMBERS =
      new StructType()
          .add(RingDetection.RING_ID, DataTypes.StringType, false)
          .add(RingDetection.SELLER_IDS, DataTypes.createArrayType(DataTypes.StringType, false), false)
          .add(RingDetection.SELLER_COUNT, DataTypes.IntegerType, false)
          .add(RingDetection.BUYER_COUNT, DataTypes.LongType, false)
          .add(RingDetection.RING_TRADES, DataTypes.LongType, false)
          .add(RingDetection.DENSITY, DataTypes.DoubleType, false)
          .add(RingDetection.SUSPICIOUSNESS, DataTypes.DoubleType, false)
          .add(RingDetection.FIRST_ACTIVITY_AT, DataTypes.TimestampType, false)
          .add(RingDetection.LAST_ACTIVITY_AT, DataTypes.TimestampType, false)
          .add(RingDetection.PRICE_TO_CATEGORY_MEDIAN, DataTypes.DoubleType, true)
          .add(RingDetection.MEDIAN_CONFIRM_HOURS, DataTypes.DoubleType, true)
          .add(RingDetection.MEDIAN_BUYER_AGE_DAYS, DataTypes.DoubleType, false)
          .add(RingDetection.YOUNG_BUYER_SHARE, DataTypes.DoubleType, false)
          .add(RingDetection.FIVE_STAR_SHARE, DataTypes.DoubleType, true)
          .add(RingDetection.REPEAT_PAIR_RATE, DataTypes.DoubleType, false)
          .add(RingDetection.LOCKSTEP_SHARE, DataTypes.DoubleType, false)
          .add(RingDetection.SHARED_KEY_SHARE, DataTypes.DoubleType, false)
          .add(RingDetection.REASON, DataTypes.StringType, false)
          .add(MEMBERS, DataTypes.createArrayType(MEMBER, false), false);

  private BlockRows() {}

  static RingEvidence.Block block(Row row) {
    List<RingEvidence.Seller> sellers =
        list(row, SELLERS, s -> new RingEvidence.Seller(s.getString(0), s.getDouble(1), s.getDouble(2)));
    List<RingEvidence.Candidate> candidates = list(row, CANDIDATES, BlockRows::candidate);
    return new RingEvidence.Block(row.getAs(DENSITY), sellers, candidates);
  }

  private static RingEvidence.Candidate candidate(Row c) {
    Map<String, Double> sellerWeights = new HashMap<>();
    for (Row edge : c.<Row>getList(c.fieldIndex(EDGES))) {
      sellerWeights.put(edge.getString(0), edge.getDouble(1));
    }
    return new RingEvidence.Candidate(c.getString(0), c.getAs(CORE), sellerWeights, c.getAs("total"), c.getAs(FIRST_SEEN),
        list(c, KEYS, k -> new SharedKeyLinkage.AccountKey(k.getString(0), k.getLong(1))),
        list(c, ACTIONS, a -> new Lockstep.Action(a.getString(0), a.getLong(1))),
        list(c, TRADES, t -> new RingEvidence.Trade(t.getString(0), t.getTimestamp(1), nullableDouble(t, 2), nullableDouble(t, 3))),
        list(c, RATINGS, r -> new RingEvidence.Rating(r.getString(0), r.getBoolean(1))));
  }

  static Row ring(RingEvidence.Ring ring) {
    List<Row> members = new ArrayList<>();
    ring.members().forEach(m -> members.add(RowFactory.create(m.accountId(), m.role(), m.memberScore())));
    return RowFactory.create(ring.ringId(), ring.sellerIds().toArray(new String[0]), ring.sellerIds().size(),
        ring.buyerCount(), ring.ringTrades(), ring.density(), ring.suspiciousness(), ring.firstActivityAt(),
        ring.lastActivityAt(), ring.priceToCategoryMedian(), ring.medianConfirmHours(), ring.medianBuyerAgeDays(),
        ring.youngBuyerShare(), ring.fiveStarShare(), ring.repeatPairRate(), ring.lockstepShare(), ring.sharedKeyShare(),
        ring.reason(), members.toArray(new Row[0]));
  }

  /** The structs of an array column; an absent (null) array is an empty list. */
  private static <T> List<T> list(Row row, String column, Function<Row, T> read) {
    int i = row.fieldIndex(column);
    List<T> out = new ArrayList<>();
    if (!row.isNullAt(i)) {
      for (Row element : row.<Row>getList(i)) {
        out.add(read.apply(element));
      }
    }
    return out;
  }

  private static Double nullableDouble(Row row, int i) {
    return row.isNullAt(i) ? null : row.getDouble(i);
  }
}
