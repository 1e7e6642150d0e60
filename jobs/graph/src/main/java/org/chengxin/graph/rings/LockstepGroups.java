package org.chengxin.graph.rings;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.unix_seconds;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.chengxin.graph.components.ConnectedComponents;

/**
 * CopyCatch-style lockstep groups (Beutel et al., WWW 2013): two accounts are in lockstep when
 * they act on (trade with or rate) at least {@code minSellers} common sellers within the same
 * short window each time; groups are the connected components of that relation. Windows come in
 * two grids offset by half a window, so a burst straddling a boundary still shares a window. A
 * seller window with more than {@code maxWindowBuyers} accounts is a sale or a popular shop, not
 * collusion, and is skipped (it would also create quadratically many pairs).
 */
final class LockstepGroups {

  static final String ACCOUNT_ID = "account_id";
  static final String SELLER_ID = "seller_id";
  static final String AT = "at";
  static final String LOCKSTEP_GROUP = "lockstep_group";

  private final long windowSeconds;
  private final int minSellers;
  private final int maxWindowBuyers;
  private final ConnectedComponents components;

  LockstepGroups(RingOptions options) {
    this.windowSeconds = options.lockstepWindow().toSeconds();
    this.minSellers = options.lockstepMinSellers();
    this.maxWindowBuyers = options.lockstepMaxWindowBuyers();
    this.components = new ConnectedComponents(options.blockedGraph(), "lockstep groups");
  }

  /**
   * @param actions {@value #ACCOUNT_ID}, {@value #SELLER_ID}, {@value #AT} (timestamp)
   * @return {@value #ACCOUNT_ID}, {@value #LOCKSTEP_GROUP} for accounts in lockstep with another
   */
  Dataset<Row> run(Dataset<Row> actions) {
    Column seconds = unix_seconds(col(AT));
    Dataset<Row> windows =
        actions
            .select(col(ACCOUNT_ID), col(SELLER_ID), concat(lit("a"), floor(seconds.divide(windowSeconds))).as("w"))
            .union(actions.select(col(ACCOUNT_ID), col(SELLER_ID),
                concat(lit("b"), floor(seconds.plus(windowSeconds / 2).divide(windowSeconds))).as("w")))
            .distinct();
    Dataset<Row> usable =
        windows
            .groupBy(SELLER_ID, "w")
            .agg(count(lit(1)).as("accounts"))
            .filter(col("accounts").between(2, maxWindowBuyers))
            .drop("accounts");
    Dataset<Row> members = windows.join(usable, new String[] {SELLER_ID, "w"}).localCheckpoint();
    Dataset<Row> other = members.toDF("other_seller", "other_w", "other_account");
    Dataset<Row> pairs =
        members
            .join(other, members.col(SELLER_ID).equalTo(other.col("other_seller"))
                .and(members.col("w").equalTo(other.col("other_w")))
                .and(members.col(ACCOUNT_ID).lt(other.col("other_account"))))
            .groupBy(members.col(ACCOUNT_ID).as(ConnectedComponents.SRC),
                other.col("other_account").as(ConnectedComponents.DST))
            .agg(countDistinct(members.col(SELLER_ID)).as("sellers"))
            .filter(col("sellers").geq(minSellers))
            .select(ConnectedComponents.SRC, ConnectedComponents.DST);
    return components
        .run(pairs)
        .select(col(ConnectedComponents.NODE).as(ACCOUNT_ID), col(ConnectedComponents.COMPONENT).as(LOCKSTEP_GROUP));
  }
}
