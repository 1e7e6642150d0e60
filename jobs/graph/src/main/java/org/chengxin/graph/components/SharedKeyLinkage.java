package org.chengxin.graph.components;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Accounts linked through shared pseudonymised device, IP or address keys, as connected components
 * of the account–key graph. A key used by more than {@code maxAccountsPerKey} accounts (a carrier
 * NAT address, a parcel locker) is dropped before linking, so it cannot join half the market.
 */
public final class SharedKeyLinkage {

  public static final String ACCOUNT_ID = "account_id";
  public static final String LINK_GROUP = "link_group";

  private static final String ACCOUNT_PREFIX = "a:";

  private final int maxAccountsPerKey;
  private final ConnectedComponents components;

  public SharedKeyLinkage(int maxAccountsPerKey, ConnectedComponents components) {
    if (maxAccountsPerKey < 2) {
      throw new IllegalArgumentException("maxAccountsPerKey must be >= 2, or no key links anyone");
    }
    this.maxAccountsPerKey = maxAccountsPerKey;
    this.components = components;
  }

  /**
   * @param accountKeys columns {@value #ACCOUNT_ID} and {@code key} (already namespaced by key type,
   *     e.g. "device:..."), for all accounts: the cap counts every account on a key
   * @param focus column {@value #ACCOUNT_ID}: only these accounts are linked (links through other
   *     accounts are not followed), which keeps the iteration to the accounts under review; it and
   *     its accounts' keys are broadcast, so it must be a review-sized set, not the market
   * @return {@value #ACCOUNT_ID}, {@value #LINK_GROUP} for every focus account sharing a kept key
   *     with another focus account; unlinked accounts are absent
   */
  public Dataset<Row> run(Dataset<Row> accountKeys, Dataset<Row> focus) {
    // Only keys a focus account uses can link focus accounts, so only those keys are counted:
    // the cap still counts every account on them, but the whole market's keys are never
    // de-duplicated. The focus (accounts under review) and its keys are small enough to broadcast.
    Dataset<Row> focusAccounts = broadcast(focus.select(ACCOUNT_ID).distinct());
    Dataset<Row> focusKeys =
        broadcast(accountKeys.join(focusAccounts, ACCOUNT_ID).select("key").distinct());
    Dataset<Row> pairs =
        accountKeys.join(focusKeys, "key").select(col(ACCOUNT_ID), col("key")).distinct();
    Dataset<Row> keptKeys =
        pairs
            .groupBy("key")
            .agg(count(lit(1)).as("accounts"))
            .filter(col("accounts").between(2, maxAccountsPerKey))
            .select("key");
    Dataset<Row> edges =
        pairs
            .join(focusAccounts, ACCOUNT_ID)
            .join(keptKeys, "key")
            .select(
                concat(lit(ACCOUNT_PREFIX), col(ACCOUNT_ID)).as(ConnectedComponents.SRC),
                concat(lit("k:"), col("key")).as(ConnectedComponents.DST));
    return components
        .run(edges)
        .filter(col(ConnectedComponents.NODE).startsWith(ACCOUNT_PREFIX))
        .select(
            substring(col(ConnectedComponents.NODE), ACCOUNT_PREFIX.length() + 1, Integer.MAX_VALUE)
                .as(ACCOUNT_ID),
            col(ConnectedComponents.COMPONENT).as(LINK_GROUP));
  }
}
