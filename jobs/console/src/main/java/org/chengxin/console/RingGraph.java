package org.chengxin.console;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The rings a seller is in, as a graph: the members ({@code ring_members}: buyers and sellers), who
 * traded with whom in the rings' window, and the device, IP and address keys that two or more of
 * the rings' buyers share ({@code trades}' pseudonymous HMAC keys, shown by their first 8 hex digits).
 * The warehouse keeps no table of shared keys per ring, so they are read from the rings' trades.
 * {@code gaps} says what the warehouse lacks for the drawing.
 */
record RingGraph(List<Node> nodes, List<Link> links, List<String> gaps,
    // The tables of the same figures are drawn on the page, not sent to the chart a second time.
    @JsonIgnore EvidenceTable pairs, @JsonIgnore EvidenceTable keys) {
  /** Kinds of node, as the chart's legend names them. */
  static final String CASE_SELLER = "this seller";
  static final String SELLER = "seller";
  static final String BUYER = "buyer";
  static final String RING = "ring";
  private static final int MAX_RINGS = 5;
  // A force layout stays readable up to a few hundred nodes; the members table lists them all.
  private static final int MAX_BUYERS = 150;
  private static final int MAX_KEYS = 40;
  // The trades' pseudonymous keys, in the order of their columns.
  private static final List<String> KEY_KINDS = List.of("device", "IP", "address");

  /** {@code weight} 0-1: the member score (a key: the share of the drawn buyers that use it). */
  record Node(String id, String label, String kind, double weight) {}

  /** {@code trades} between a buyer and a seller; 0 on a buyer's link to a key or, without trades, to its ring. */
  record Link(String source, String target, long trades) {}

  /** A drawn buyer and a drawn seller who traded in the window. */
  private record TradedPair(String buyer, String seller) {
    static final Comparator<TradedPair> ORDER = Comparator.comparing(TradedPair::buyer).thenComparing(TradedPair::seller);
  }

  /** A device, IP or address key (its kind as the legend names it) of the drawn buyers' trades. */
  private record SharedKey(String kind, String key) {
    static final Comparator<SharedKey> ORDER = Comparator.comparing(SharedKey::kind).thenComparing(SharedKey::key);
  }

  static RingGraph read(DuckReader duck, Partitions partitions, String seller, LocalDate asOf) throws SQLException {
    Optional<String> rings = partitions.asOf("rings", asOf);
    Optional<String> members = partitions.asOf("ring_members", asOf);
    if (rings.isEmpty() || members.isEmpty()) {
      return empty("no " + (rings.isEmpty() ? "rings" : "ring_members") + " table in the warehouse by " + asOf);
    }
    // The rings' members with the rings' window in one statement. The window's days as text: a
    // timestamp column may come as a plain or a zoned timestamp, and a day either side covers both.
    DuckQuery accounts = duck.query("WITH sellers_rings AS (SELECT ring_id, first_activity_at, last_activity_at FROM " + rings.get()
        + " WHERE list_contains(seller_ids, ?) ORDER BY suspiciousness DESC LIMIT " + MAX_RINGS + ") "
        + "SELECT account_id, role, ring_id, member_score, CAST((SELECT min(first_activity_at) FROM sellers_rings) AS VARCHAR), "
        + "CAST((SELECT max(last_activity_at) FROM sellers_rings) AS VARCHAR) FROM " + members.get()
        + " WHERE ring_id IN (SELECT ring_id FROM sellers_rings) ORDER BY role DESC, member_score DESC", seller);
    if (accounts.rows().isEmpty()) {
      return empty("the seller is in no ring as of " + asOf);
    }
    Map<String, Node> nodes = new LinkedHashMap<>();
    List<Link> links = new ArrayList<>();
    List<String> gaps = new ArrayList<>();
    Map<String, String> ringOf = new LinkedHashMap<>();
    int buyers = 0;
    for (List<Object> row : accounts.rows()) {
      String account = (String) row.get(0);
      boolean buyer = row.get(1).equals("buyer");
      if (buyer && !nodes.containsKey(account) && ++buyers > MAX_BUYERS) {
        continue;
      }
      String kind = account.equals(seller) ? CASE_SELLER : buyer ? BUYER : SELLER;
      double score = ((Number) row.get(3)).doubleValue();
      nodes.merge(account, new Node(account, account, kind, score), (a, b) -> a.weight() >= b.weight() ? a : b);
      ringOf.putIfAbsent(account, (String) row.get(2));
    }
    if (buyers > MAX_BUYERS) {
      gaps.add("drawn: the " + MAX_BUYERS + " buyers with the highest member scores of " + buyers + " (the members tables list them all)");
    }

    LocalDate first = LocalDate.parse(((String) accounts.rows().get(0).get(4)).substring(0, 10));
    LocalDate last = LocalDate.parse(((String) accounts.rows().get(0).get(5)).substring(0, 10));
    // A day of slack either side: the zone of the text above, and a trade delivered late into the next day's partition.
    Optional<String> trades = partitions.daily("trades", first.minusDays(1), last.plusDays(1));
    EvidenceTable pairs;
    EvidenceTable keys;
    if (trades.isEmpty()) {
      gaps.add("no trades table in the warehouse from " + first + " to " + last + ": who traded with whom and shared keys are not drawn");
      ringOf.forEach((account, ring) -> {
        nodes.putIfAbsent(ring, new Node(ring, ring, RING, 1));
        links.add(new Link(account, ring, 0));
      });
      pairs = new EvidenceTable("Who traded with whom in the rings", List.of(), List.of(), "no trades table in the warehouse");
      keys = new EvidenceTable("Keys the rings' buyers share", List.of(), List.of(), "no trades table in the warehouse");
    } else {
      // The drawn buyers' trades in one statement; the pairs and the shared keys are counted from them here.
      List<String> drawnBuyers = nodes.values().stream().filter(node -> node.kind().equals(BUYER)).map(Node::id).toList();
      Set<String> drawnSellers = nodes.values().stream().filter(node -> !node.kind().equals(BUYER)).map(Node::id).collect(Collectors.toSet());
      List<List<Object>> ringTrades = drawnBuyers.isEmpty() ? List.of() : duck.query("SELECT buyer_id, seller_id, device_key, ip_key, "
          + "address_key FROM " + trades.get() + " WHERE buyer_id IN (" + String.join(", ", Collections.nCopies(drawnBuyers.size(), "?")) + ")",
          drawnBuyers.toArray()).rows();
      Map<TradedPair, Long> tradesPerPair = new HashMap<>();
      Map<SharedKey, Set<String>> buyersPerKey = new HashMap<>();
      for (List<Object> trade : ringTrades) {
        String buyer = (String) trade.get(0);
        if (drawnSellers.contains((String) trade.get(1))) {
          tradesPerPair.merge(new TradedPair(buyer, (String) trade.get(1)), 1L, Long::sum);
        }
        for (int k = 0; k < KEY_KINDS.size(); k++) {
          // A trade without the key (no address for a digital good) shares nothing.
          if (trade.get(2 + k) != null) {
            buyersPerKey.computeIfAbsent(new SharedKey(KEY_KINDS.get(k), (String) trade.get(2 + k)), key -> new TreeSet<>()).add(buyer);
          }
        }
      }
      List<List<String>> pairRows = new ArrayList<>();
      tradesPerPair.entrySet().stream().sorted(Map.Entry.<TradedPair, Long>comparingByValue().reversed()
          .thenComparing(Map.Entry.comparingByKey(TradedPair.ORDER))).forEach(pair -> {
            TradedPair traded = pair.getKey();
            links.add(new Link(traded.buyer(), traded.seller(), pair.getValue()));
            pairRows.add(List.of(traded.buyer(), traded.seller(), Long.toString(pair.getValue())));
          });
      pairs = new EvidenceTable("Who traded with whom in the rings (" + first + " to " + last + ")", List.of("buyer_id", "seller_id", "trades"),
          pairRows, "no trade between the drawn buyers and sellers in the window");
      List<List<String>> keyRows = new ArrayList<>();
      buyersPerKey.entrySet().stream().filter(shared -> shared.getValue().size() >= 2)
          .sorted(Comparator.<Map.Entry<SharedKey, Set<String>>>comparingInt(shared -> -shared.getValue().size())
              .thenComparing(Map.Entry.comparingByKey(SharedKey.ORDER)))
          .limit(MAX_KEYS).forEach(shared -> {
            SharedKey key = shared.getKey();
            String id = "key:" + key.kind() + ":" + key.key();
            nodes.put(id, new Node(id, key.kind() + " " + key.key().substring(0, Math.min(8, key.key().length())), key.kind() + " key",
                shared.getValue().size() / (double) Math.max(1, drawnBuyers.size())));
            shared.getValue().forEach(buyer -> links.add(new Link(buyer, id, 0)));
            keyRows.add(List.of(key.kind(), key.key(), Integer.toString(shared.getValue().size()), String.join(" ", shared.getValue())));
          });
      keys = new EvidenceTable("Keys the rings' buyers share (device, IP, address; pseudonymous)", List.of("kind", "key", "buyers", "buyer_ids"),
          keyRows, "no device, IP or address key shared by two of the drawn buyers in the window");
    }
    return new RingGraph(List.copyOf(nodes.values()), links, gaps, pairs, keys);
  }

  static RingGraph empty(String why) {
    return new RingGraph(List.of(), List.of(), List.of(why), new EvidenceTable("Who traded with whom in the rings", List.of(), List.of(), why),
        new EvidenceTable("Keys the rings' buyers share", List.of(), List.of(), why));
  }
}
