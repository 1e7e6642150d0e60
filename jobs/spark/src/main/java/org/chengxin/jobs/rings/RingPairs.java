package org.chengxin.jobs.rings;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.chengxin.graph.rings.RingDetection;

/**
 * Buyer–seller pairs inside one ring, from {@code ring_members}: the ratings robust reputation
 * stops counting (a ring member rating its own ring's seller).
 */
public final class RingPairs {
  /** Columns of {@link #sameRing}: named apart from the trade tables' so a join needs no aliases. */
  public static final String BUYER_ID = "ring_buyer_id";
  public static final String SELLER_ID = "ring_seller_id";

  private RingPairs() {}

  /** Distinct (ring_buyer_id, ring_seller_id) pairs of buyers and sellers listed in the same ring. */
  public static Dataset<Row> sameRing(Dataset<Row> members) {
    Dataset<Row> buyers = members.filter(col(RingDetection.ROLE).equalTo(RingDetection.BUYER))
        .select(col(RingDetection.RING_ID), col(RingDetection.ACCOUNT_ID).as(BUYER_ID));
    Dataset<Row> sellers = members.filter(col(RingDetection.ROLE).equalTo(RingDetection.SELLER))
        .select(col(RingDetection.RING_ID), col(RingDetection.ACCOUNT_ID).as(SELLER_ID));
    return buyers.join(sellers, RingDetection.RING_ID).select(BUYER_ID, SELLER_ID).distinct();
  }
}
