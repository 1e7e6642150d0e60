package org.chengxin.jobs.scores;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.chengxin.core.event.RatingScore;
import org.chengxin.core.event.WireEnum;
import org.chengxin.scores.credit.CreditOutcome;
import org.chengxin.scores.credit.CreditRating;
import org.chengxin.scores.credit.CreditRevision;
import org.chengxin.scores.credit.CreditedRating;
import org.chengxin.scores.credit.CreditRules;
import org.chengxin.scores.credit.PairCreditState;
import org.chengxin.scores.credit.PairCredits;
import org.chengxin.scores.credit.RatingCredit;
import org.chengxin.scores.credit.RevisionCredit;
import org.chengxin.scores.credit.TradeFacts;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Runs {@link CreditRules} on one buyer-seller pair: its prior state, new ratings and revisions
 * (with, for a revision of an earlier day's rating, that rating's latest ledger row) in, its
 * ledger rows and new state out. Times cross the boundary as epoch microseconds and days as epoch
 * days, so the function does not depend on the session's Java time API setting.
 */
final class PairCreditFunction implements MapFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  static final StructType LEDGER_ENTRY =
      new StructType()
          .add("rating_id", DataTypes.StringType, false)
          .add("trade_id", DataTypes.StringType, false)
          .add("item_id", DataTypes.StringType, true)
          .add("score", DataTypes.StringType, false)
          .add("rated_at", DataTypes.LongType, false)
          .add("hidden", DataTypes.BooleanType, false)
          .add("outcome", DataTypes.StringType, false)
          .add("credit_points", DataTypes.IntegerType, false)
          .add("item_as_described", DataTypes.IntegerType, true)
          .add("service", DataTypes.IntegerType, true)
          .add("logistics", DataTypes.IntegerType, true)
          .add("trade_created_at", DataTypes.LongType, true)
          .add("revision_id", DataTypes.StringType, true)
          .add("revised_at", DataTypes.LongType, true)
          .add("credit_change", DataTypes.IntegerType, false)
          .add("day", DataTypes.IntegerType, false);
  static final StructType MONTH_ENTRY =
      new StructType().add("month", DataTypes.IntegerType, false).add("net", DataTypes.IntegerType, false);
  static final StructType WINDOW_ENTRY =
      new StructType()
          .add("item_id", DataTypes.StringType, false)
          .add("score", DataTypes.StringType, false)
          .add("window_start", DataTypes.LongType, false);
  static final StructType OUTPUT =
      new StructType()
          .add("buyer_id", DataTypes.StringType, false)
          .add("seller_id", DataTypes.StringType, false)
          .add("ledger", DataTypes.createArrayType(LEDGER_ENTRY, false), false)
          .add("months", DataTypes.createArrayType(MONTH_ENTRY, false), false)
          .add("windows", DataTypes.createArrayType(WINDOW_ENTRY, false), false);

  private final int tradeLookbackDays;
  private final LocalDate day;

  PairCreditFunction(int tradeLookbackDays, LocalDate day) {
    this.tradeLookbackDays = tradeLookbackDays;
    this.day = day;
  }

  @Override
  public Row call(Row pair) {
    String buyerId = pair.getAs("buyer_id");
    String sellerId = pair.getAs("seller_id");
    PairCreditState state = new PairCreditState();
    for (Row m : rows(pair, "months")) {
      state.withMonth(YearMonth.from(LocalDate.ofEpochDay(m.<Integer>getAs("month"))), m.<Integer>getAs("net"));
    }
    for (Row w : rows(pair, "windows")) {
      state.withWindow(w.getAs("item_id"), score(w.getAs("score")), micros(w.getAs("window_start")));
    }
    List<Row> ratingRows = rows(pair, "ratings");
    List<CreditRating> ratings = new ArrayList<>(ratingRows.size());
    for (Row r : ratingRows) {
      ratings.add(toRating(r));
    }
    List<Row> revisionRows = rows(pair, "revisions");
    List<CreditRevision> revisions = new ArrayList<>(revisionRows.size());
    Map<String, CreditedRating> earlier = new HashMap<>();
    for (Row v : revisionRows) {
      revisions.add(new CreditRevision(v.getAs("revision_id"), v.getAs("rating_id"),
          LocalDate.ofEpochDay(v.<Integer>getAs("day")), micros(v.getAs("revised_at")), score(v.getAs("score"))));
      Row e = v.getAs("earlier");
      if (e != null) {
        Long created = e.getAs("trade_created_at");
        earlier.put(v.getAs("rating_id"), new CreditedRating(v.getAs("rating_id"), e.getAs("item_id"),
            created == null ? null : YearMonth.from(micros(created).atZone(ZoneOffset.UTC)), score(e.getAs("score")),
            WireEnum.parse(CreditOutcome.class, e.<String>getAs("outcome")).orElseThrow(), e.<Integer>getAs("credit_points")));
      }
    }
    CreditRules rules = new CreditRules(tradeLookbackDays);
    PairCredits credits = rules.apply(buyerId, sellerId, state, ratings, revisions, earlier);
    rules.prune(state, day);

    List<Row> ledger = new ArrayList<>(ratingRows.size() + revisionRows.size());
    // What a revision's row repeats of its rating: trade_id, item_id, rated_at, hidden, trade_created_at.
    Map<String, Object[]> ratingFacts = new HashMap<>();
    for (int i = 0; i < ratingRows.size(); i++) {
      Row r = ratingRows.get(i);
      RatingCredit credit = credits.ratings().get(i);
      Row trade = r.getAs("trade");
      Object[] facts = {r.getAs("trade_id"), trade == null ? null : trade.getAs("item_id"), r.getAs("rated_at"),
          r.getAs("hidden"), trade == null ? null : trade.getAs("created_at")};
      if (!revisionRows.isEmpty()) {
        ratingFacts.put(r.getAs("rating_id"), facts);
      }
      ledger.add(RowFactory.create(
          r.getAs("rating_id"), facts[0], facts[1], r.getAs("score"), facts[2], facts[3], credit.outcome().wire(),
          credit.points(), r.getAs("item_as_described"), r.getAs("service"), r.getAs("logistics"), facts[4], null, null,
          credit.points(), r.getAs("day")));
    }
    for (int i = 0; i < revisionRows.size(); i++) {
      Row v = revisionRows.get(i);
      RevisionCredit credit = credits.revisions().get(i);
      Row e = v.getAs("earlier");
      Object[] facts = e == null
          ? ratingFacts.get(v.<String>getAs("rating_id"))
          : new Object[] {e.getAs("trade_id"), e.getAs("item_id"), e.getAs("rated_at"), e.getAs("hidden"),
              e.getAs("trade_created_at")};
      ledger.add(RowFactory.create(
          v.getAs("rating_id"), facts[0], facts[1], v.getAs("score"), facts[2], facts[3], credit.outcome().wire(),
          credit.points(), v.getAs("item_as_described"), v.getAs("service"), v.getAs("logistics"), facts[4],
          v.getAs("revision_id"), v.getAs("revised_at"), credit.change(), v.getAs("day")));
    }
    List<Row> months = new ArrayList<>();
    for (Map.Entry<YearMonth, Integer> e : state.monthNets().entrySet()) {
      months.add(RowFactory.create((int) e.getKey().atDay(1).toEpochDay(), e.getValue()));
    }
    List<Row> windows = new ArrayList<>();
    for (Map.Entry<PairCreditState.WindowKey, Instant> e : state.windowStarts().entrySet()) {
      windows.add(RowFactory.create(e.getKey().itemId(), e.getKey().score().wire(), toMicros(e.getValue())));
    }
    return RowFactory.create(buyerId, sellerId, seq(ledger), seq(months), seq(windows));
  }

  private static CreditRating toRating(Row r) {
    Row t = r.getAs("trade");
    TradeFacts trade = null;
    if (t != null) {
      Instant created = micros(t.getAs("created_at"));
      trade = new TradeFacts(t.getAs("buyer_id"), t.getAs("seller_id"), t.getAs("item_id"), created,
          TradeFacts.endOf(created, micros(t.getAs("paid_at")), micros(t.getAs("shipped_at")), micros(t.getAs("confirmed_at"))));
    }
    return new CreditRating(r.getAs("rating_id"), LocalDate.ofEpochDay(r.<Integer>getAs("day")),
        micros(r.getAs("rated_at")), score(r.getAs("score")), r.<Boolean>getAs("hidden"), trade);
  }

  private static RatingScore score(String wire) {
    return WireEnum.parse(RatingScore.class, wire)
        .orElseThrow(() -> new IllegalArgumentException("not a rating score: " + wire));
  }

  private static List<Row> rows(Row pair, String field) {
    int index = pair.fieldIndex(field);
    return pair.isNullAt(index) ? List.of() : pair.getList(index);
  }

  private static Instant micros(Long value) {
    return value == null ? null : Instant.EPOCH.plus(value, ChronoUnit.MICROS);
  }

  private static long toMicros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  private static scala.collection.Seq<Row> seq(List<Row> rows) {
    return CollectionConverters.asScala(rows);
  }
}
