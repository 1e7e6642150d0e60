package org.chengxin.graph.rings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.chengxin.graph.components.SharedKeyLinkage.AccountKey;
import org.junit.jupiter.api.Test;

/** One block's facts assembled into its records, without Spark. */
class BlockFactsTest {

  private static final Timestamp T1 = Timestamp.valueOf("2026-11-02 10:00:00.250");
  private static final Timestamp T2 = Timestamp.valueOf("2026-11-03 11:00:00");

  /** A fact row: block, kind, account, seller, at, weight, total, density, price, confirm, five-star, key, key accounts. */
  private static Row fact(String kind, String account, String seller, Timestamp at, Double weight, Double total,
      Double density, Double price, Double confirm, Boolean fiveStar, String key, Long keyAccounts) {
    return new GenericRowWithSchema(
        new Object[] {"b#0", kind, account, seller, at, weight, total, density, price, confirm, fiveStar, key, keyAccounts},
        BlockFacts.FACT);
  }

  @Test
  void factsOfOneBlockBecomeItsSellersAndCandidates() {
    List<Row> facts = new ArrayList<>(List.of(
        fact(BlockFacts.SELLER, null, "s1", null, 4.0, 5.0, 1.5, null, null, null, null, null),
        fact(BlockFacts.CORE, "u1", null, null, null, null, null, null, null, null, null, null),
        fact(BlockFacts.EDGE, "u1", "s1", null, 0.75, null, null, null, null, null, null, null),
        fact(BlockFacts.EDGE, "u1", "elsewhere", null, 0.25, null, null, null, null, null, null, null),
        fact(BlockFacts.EDGE, "u2", "s1", null, 0.5, null, null, null, null, null, null, null),
        fact(BlockFacts.FIRST_TRADE, "u1", null, T1, null, null, null, null, null, null, null, null),
        fact(BlockFacts.FIRST_TRADE, "u2", null, T2, null, null, null, null, null, null, null, null),
        fact(BlockFacts.TRADE, "u1", "s1", T1, null, null, null, 0.3, 5.0, null, null, null),
        fact(BlockFacts.TRADE, "u1", "elsewhere", T2, null, null, null, 1.0, null, null, null, null),
        fact(BlockFacts.RATING, "u1", "s1", T2, null, null, null, null, null, true, null, null),
        fact(BlockFacts.KEY_FACT, "u1", null, null, null, null, null, null, null, null, "device:d", 3L),
        fact(BlockFacts.KEY_FACT, "u2", null, null, null, null, null, null, null, null, "device:d", 3L)));

    RingEvidence.Block block = BlockFacts.block(facts.iterator());

    assertEquals(1.5, block.density());
    assertEquals(List.of(new RingEvidence.Seller("s1", 4.0, 5.0)), block.sellers());
    Map<String, RingEvidence.Candidate> byId =
        block.candidates().stream().collect(Collectors.toMap(RingEvidence.Candidate::id, c -> c));
    assertEquals(2, byId.size());
    RingEvidence.Candidate u1 = byId.get("u1");
    assertTrue(u1.core());
    assertFalse(byId.get("u2").core());
    assertEquals(Map.of("s1", 0.75), u1.sellerWeights(), "edges to the block's sellers only");
    assertEquals(1.0, u1.totalWeight(), "the whole weight counts every edge");
    assertEquals(T1, u1.firstSeen());
    assertEquals(List.of(new AccountKey("device:d", 3)), u1.keys());
    assertEquals(2, u1.trades().size());
    assertEquals(List.of(new RingEvidence.Rating("s1", true)), u1.ratings());
    // Trades and ratings are the lockstep actions, in whole seconds (the 250 ms dropped).
    assertEquals(List.of(new Lockstep.Action("s1", T1.getTime() / 1000), new Lockstep.Action("elsewhere", T2.getTime() / 1000),
        new Lockstep.Action("s1", T2.getTime() / 1000)), u1.actions());
    assertEquals(List.of(), byId.get("u2").trades());
  }
}
