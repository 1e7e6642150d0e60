package org.chengxin.graph.components;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chengxin.graph.kernels.MinLabel;
import org.chengxin.graph.kernels.NamedEdges;
import org.chengxin.graph.kernels.Rounds;

/**
 * Accounts linked through shared pseudonymised device, IP or address keys, as connected components
 * of the account–key graph ({@link MinLabel} over primitive arrays). A key used by more than
 * {@code maxAccountsPerKey} accounts of the whole market (a carrier NAT address, a parcel locker) is
 * dropped before linking, so it cannot join half the market. Plain Java: it runs on the accounts
 * under review (one ring's candidates) inside one task.
 */
public final class SharedKeyLinkage implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * A key one account used.
   *
   * @param key namespaced by kind, e.g. {@code device:...}
   * @param accounts how many accounts of the whole market used it
   */
  public record AccountKey(String key, long accounts) {}

  private static final String ACCOUNT_PREFIX = "a:";
  private static final String KEY_PREFIX = "k:";

  private final int maxAccountsPerKey;

  public SharedKeyLinkage(int maxAccountsPerKey) {
    if (maxAccountsPerKey < 2) {
      throw new IllegalArgumentException("maxAccountsPerKey must be >= 2, or no key links anyone");
    }
    this.maxAccountsPerKey = maxAccountsPerKey;
  }

  /** Whether a key counts as a link: shared by someone, and not by too many. */
  public boolean links(AccountKey key) {
    return key.accounts() >= 2 && key.accounts() <= maxAccountsPerKey;
  }

  /**
   * @param keys each account's keys; only links among these accounts are followed
   * @return the link group of every account holding a linking key (the same number for accounts of
   *     one component); accounts without such a key are absent
   */
  public Map<String, Integer> groups(Map<String, List<AccountKey>> keys) {
    NamedEdges edges = new NamedEdges(false);
    keys.forEach((account, held) -> {
      for (AccountKey key : held) {
        if (links(key)) {
          edges.add(ACCOUNT_PREFIX + account, KEY_PREFIX + key.key(), 1.0);
        }
      }
    });
    NamedEdges.Encoded encoded = edges.encode();
    // Each round lowers a label by at least one hop; a component has fewer hops than vertices.
    double[] labels = Rounds.untilStable(new MinLabel(), encoded.edges(), encoded.names().length + 1).states();
    Map<String, Integer> groups = new HashMap<>();
    for (int local = 0; local < labels.length; local++) {
      String name = encoded.names()[encoded.edges().vertex(local)];
      if (name.startsWith(ACCOUNT_PREFIX)) {
        groups.put(name.substring(ACCOUNT_PREFIX.length()), (int) labels[local]);
      }
    }
    return groups;
  }
}
