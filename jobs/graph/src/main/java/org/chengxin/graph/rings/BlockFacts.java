package org.chengxin.graph.rings;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.chengxin.graph.rings.RingDetection.MEMBER_SCORE;
import static org.chengxin.graph.rings.RingDetection.ROLE;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.chengxin.graph.components.SharedKeyLinkage;

/**
 * The Spark side of {@link RingEvidence}: one peeled block reaches its task as facts, rows of one
 * schema ({@link #FACT}) tagged with the block and a kind; {@link #block} assembles them into the
 * block's records, and {@link #ring} writes a ring back as a row of the {@code rings} columns plus
 * its members.
 */
final class BlockFacts {

  // Columns of a fact; the kind says which of the nullable ones it fills.
  static final String BLOCK_ID = "block_id";
  static final String KIND = "kind";
  static final String ACCOUNT_ID = "account_id";
  static final String SELLER_ID = "seller_id";
  static final String AT = "at";
  static final String WEIGHT = "weight";
  static final String TOTAL = "total";
  static final String DENSITY = "density";
  static final String PRICE_RATIO = "price_ratio";
  static final String CONFIRM_HOURS = "confirm_hours";
  static final String FIVE_STAR = "five_star";
  static final String KEY = "key";
  static final String KEY_ACCOUNTS = "key_accounts";

  /** A block seller: weight inside the block, total weight, the block's density. */
  static final String SELLER = "seller";
  /** A buyer the peel kept. */
  static final String CORE = "core";
  /** One of a candidate buyer's edges, to any seller. */
  static final String EDGE = "edge";
  /** A candidate's first trade before the end of the period. */
  static final String FIRST_TRADE = "first_trade";
  /** A candidate's trade in the window, with any seller. */
  static final String TRADE = "trade";
  /** A candidate's rating of a seller in the window. */
  static final String RATING = "rating";
  /** A candidate's device/IP/address key, with how many accounts of the window use it. */
  static final String KEY_FACT = "key";

  static final StructType FACT =
      new StructType()
          .add(BLOCK_ID, DataTypes.StringType, false)
          .add(KIND, DataTypes.StringType, false)
          .add(ACCOUNT_ID, DataTypes.StringType)
          .add(SELLER_ID, DataTypes.StringType)
          .add(AT, DataTypes.TimestampType)
          .add(WEIGHT, DataTypes.DoubleType)
          .add(TOTAL, DataTypes.DoubleType)
          .add(DENSITY, DataTypes.DoubleType)
          .add(PRICE_RATIO, DataTypes.DoubleType)
          .add(CONFIRM_HOURS, DataTypes.DoubleType)
          .add(FIVE_STAR, DataTypes.BooleanType)
          .add(KEY, DataTypes.StringType)
          .add(KEY_ACCOUNTS, DataTypes.LongType);

  /** The ring's members, beside the {@code rings} columns. */
  static final String MEMBERS = "members";

  private static final StructType MEMBER =
      new StructType()
          .add(RingDetection.ACCOUNT_ID, DataTypes.StringType, false)
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

  private BlockFacts() {}

  /**
   * Facts of one kind from rows that carry {@value #BLOCK_ID}: the given columns by fact column
   * name, every other fact column null.
   */
  static Dataset<Row> of(String kind, Dataset<Row> rows, Map<String, Column> columns) {
    List<Column> select = new ArrayList<>(List.of(col(BLOCK_ID), lit(kind).as(KIND)));
    for (StructField field : FACT.fields()) {
      if (!field.name().equals(BLOCK_ID) && !field.name().equals(KIND)) {
        select.add(columns.getOrDefault(field.name(), lit(null)).cast(field.dataType()).as(field.name()));
      }
    }
    return rows.select(select.toArray(new Column[0]));
  }

  /** One block's records from its facts. */
  static RingEvidence.Block block(Iterator<Row> facts) {
    List<RingEvidence.Seller> sellers = new ArrayList<>();
    double density = Double.NaN;
    Set<String> core = new HashSet<>();
    Map<String, List<Row>> edges = new LinkedHashMap<>();
    Map<String, Timestamp> firstTrades = new HashMap<>();
    Map<String, List<Row>> trades = new HashMap<>();
    Map<String, List<Row>> ratings = new HashMap<>();
    Map<String, List<SharedKeyLinkage.AccountKey>> keys = new HashMap<>();
    while (facts.hasNext()) {
      Row fact = facts.next();
      String account = fact.getAs(ACCOUNT_ID);
      switch (fact.<String>getAs(KIND)) {
        case SELLER -> {
          sellers.add(new RingEvidence.Seller(fact.getAs(SELLER_ID), fact.getAs(WEIGHT), fact.getAs(TOTAL)));
          density = fact.getAs(DENSITY);
        }
        case CORE -> core.add(account);
        case EDGE -> edges.computeIfAbsent(account, a -> new ArrayList<>()).add(fact);
        case FIRST_TRADE -> firstTrades.put(account, fact.getAs(AT));
        case TRADE -> trades.computeIfAbsent(account, a -> new ArrayList<>()).add(fact);
        case RATING -> ratings.computeIfAbsent(account, a -> new ArrayList<>()).add(fact);
        case KEY_FACT -> keys.computeIfAbsent(account, a -> new ArrayList<>())
            .add(new SharedKeyLinkage.AccountKey(fact.getAs(KEY), fact.<Long>getAs(KEY_ACCOUNTS)));
        default -> throw new IllegalStateException("unknown fact kind " + fact.getAs(KIND));
      }
    }
    Set<String> blockSellers = new HashSet<>();
    sellers.forEach(s -> blockSellers.add(s.id()));
    List<RingEvidence.Candidate> candidates = new ArrayList<>();
    edges.forEach((buyer, buyerEdges) -> {
      Map<String, Double> sellerWeights = new HashMap<>();
      double total = 0;
      // Summed in seller order, so that the member score does not depend on the order facts arrive in.
      buyerEdges.sort(Comparator.comparing(e -> e.<String>getAs(SELLER_ID)));
      for (Row edge : buyerEdges) {
        double weight = edge.getAs(WEIGHT);
        total += weight;
        if (blockSellers.contains(edge.<String>getAs(SELLER_ID))) {
          sellerWeights.put(edge.getAs(SELLER_ID), weight);
        }
      }
      List<Lockstep.Action> actions = new ArrayList<>();
      List<RingEvidence.Trade> buyerTrades = new ArrayList<>();
      for (Row t : trades.getOrDefault(buyer, List.of())) {
        Timestamp at = t.getAs(AT);
        actions.add(new Lockstep.Action(t.getAs(SELLER_ID), Math.floorDiv(at.getTime(), 1000L)));
        buyerTrades.add(new RingEvidence.Trade(t.getAs(SELLER_ID), at, t.getAs(PRICE_RATIO), t.getAs(CONFIRM_HOURS)));
      }
      List<RingEvidence.Rating> buyerRatings = new ArrayList<>();
      for (Row r : ratings.getOrDefault(buyer, List.of())) {
        actions.add(new Lockstep.Action(r.getAs(SELLER_ID), Math.floorDiv(r.<Timestamp>getAs(AT).getTime(), 1000L)));
        buyerRatings.add(new RingEvidence.Rating(r.getAs(SELLER_ID), r.getAs(FIVE_STAR)));
      }
      candidates.add(new RingEvidence.Candidate(buyer, core.contains(buyer), sellerWeights, total, firstTrades.get(buyer), keys.getOrDefault(buyer, List.of()),
          actions, buyerTrades, buyerRatings));
    });
    return new RingEvidence.Block(density, sellers, candidates);
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
}
