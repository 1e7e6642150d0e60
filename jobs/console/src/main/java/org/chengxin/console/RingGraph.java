package org.chengxin.console;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  /** {@code weight} 0-1: the member score (a key: the share of the drawn buyers that use it). */
  record Node(String id, String label, String kind, double weight) {}

  /** {@code trades} between a buyer and a seller; 0 on a buyer's link to a key or, without trades, to its ring. */
  record Link(String source, String target, long trades) {}

  static RingGraph read(Connection duck, Partitions partitions, String seller, LocalDate asOf) throws SQLException {
    Optional<String> rings = partitions.asOf("rings", asOf);
    Optional<String> members = partitions.asOf("ring_members", asOf);
    if (rings.isEmpty() || members.isEmpty()) {
      return empty("no " + (rings.isEmpty() ? "rings" : "ring_members") + " table in the warehouse by " + asOf);
    }
    String sellersRings = "SELECT ring_id FROM " + rings.get() + " WHERE list_contains(seller_ids, ?) ORDER BY suspiciousness DESC LIMIT "
        + MAX_RINGS;
    // The window's days as text: a timestamp column may come as a plain or a zoned timestamp, and a day either side covers both.
    DuckQuery window = DuckQuery.run(duck, "SELECT CAST(min(first_activity_at) AS VARCHAR), CAST(max(last_activity_at) AS VARCHAR) FROM "
        + rings.get() + " WHERE ring_id IN (" + sellersRings + ")", seller);
    if (window.rows().get(0).get(0) == null) {
      return empty("the seller is in no ring as of " + asOf);
    }
    DuckQuery accounts = DuckQuery.run(duck, "SELECT account_id, role, ring_id, member_score FROM " + members.get()
        + " WHERE ring_id IN (" + sellersRings + ") ORDER BY role DESC, member_score DESC", seller);

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

    LocalDate first = LocalDate.parse(((String) window.rows().get(0).get(0)).substring(0, 10));
    LocalDate last = LocalDate.parse(((String) window.rows().get(0).get(1)).substring(0, 10));
    // A day of slack either side: the zone of the text above, and a trade delivered late into the next day's partition.
    Optional<String> trades = partitions.between("trades", first.minusDays(1), last.plusDays(1));
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
      loadRingTrades(duck, trades.get(), nodes);
      DuckQuery traded = DuckQuery.run(duck, "SELECT buyer_id, seller_id, count(*) AS trades FROM ring_trades "
          + "WHERE seller_id IN (SELECT account_id FROM drawn WHERE NOT buyer) GROUP BY ALL ORDER BY trades DESC, buyer_id, seller_id");
      for (List<Object> row : traded.rows()) {
        links.add(new Link((String) row.get(0), (String) row.get(1), ((Number) row.get(2)).longValue()));
      }
      pairs = new EvidenceTable("Who traded with whom in the rings (" + first + " to " + last + ")", traded.columns(), traded.text(),
          "no trade between the drawn buyers and sellers in the window");
      DuckQuery shared = DuckQuery.run(duck, "SELECT kind, key, count(DISTINCT buyer_id) AS buyers, "
          + "array_to_string(list_sort(list(DISTINCT buyer_id)), ' ') AS buyer_ids FROM ("
          + "SELECT buyer_id, 'device' AS kind, device_key AS key FROM ring_trades UNION ALL "
          + "SELECT buyer_id, 'IP', ip_key FROM ring_trades UNION ALL SELECT buyer_id, 'address', address_key FROM ring_trades) "
          + "GROUP BY kind, key HAVING count(DISTINCT buyer_id) >= 2 ORDER BY buyers DESC, kind, key LIMIT " + MAX_KEYS);
      long drawnBuyers = nodes.values().stream().filter(n -> n.kind().equals(BUYER)).count();
      for (List<Object> row : shared.rows()) {
        String kind = (String) row.get(0);
        String key = (String) row.get(1);
        String id = "key:" + kind + ":" + key;
        nodes.put(id, new Node(id, kind + " " + key.substring(0, Math.min(8, key.length())), kind + " key",
            ((Number) row.get(2)).doubleValue() / Math.max(1, drawnBuyers)));
        for (String buyer : ((String) row.get(3)).split(" ")) {
          links.add(new Link(buyer, id, 0));
        }
      }
      keys = new EvidenceTable("Keys the rings' buyers share (device, IP, address; pseudonymous)", shared.columns(), shared.text(),
          "no device, IP or address key shared by two of the drawn buyers in the window");
    }
    return new RingGraph(List.copyOf(nodes.values()), links, gaps, pairs, keys);
  }

  /**
   * The drawn accounts, and the trades of the drawn buyers in the window, in two temporary tables of
   * this request's DuckDB: the pairs and the keys are both read from that one scan.
   */
  private static void loadRingTrades(Connection duck, String trades, Map<String, Node> nodes) throws SQLException {
    try (Statement sql = duck.createStatement()) {
      sql.execute("CREATE TEMP TABLE drawn (account_id VARCHAR, buyer BOOLEAN)");
    }
    // One statement for all the rows: a JDBC batch would run one insert per node.
    try (PreparedStatement insert = duck.prepareStatement("INSERT INTO drawn VALUES " + String.join(", ",
        java.util.Collections.nCopies(nodes.size(), "(?, ?)")))) {
      int i = 1;
      for (Node node : nodes.values()) {
        insert.setString(i++, node.id());
        insert.setBoolean(i++, node.kind().equals(BUYER));
      }
      insert.executeUpdate();
    }
    try (Statement sql = duck.createStatement()) {
      sql.execute("CREATE TEMP TABLE ring_trades AS SELECT buyer_id, seller_id, device_key, ip_key, address_key FROM " + trades
          + " WHERE buyer_id IN (SELECT account_id FROM drawn WHERE buyer)");
    }
  }

  static RingGraph empty(String why) {
    return new RingGraph(List.of(), List.of(), List.of(why), new EvidenceTable("Who traded with whom in the rings", List.of(), List.of(), why),
        new EvidenceTable("Keys the rings' buyers share", List.of(), List.of(), why));
  }
}
