package org.chengxin.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The sweep's per-market line and its summaries, with the figures of docs/dissatisfaction.md. */
class SweepDissatisfactionTest {
  private static ObjectNode line(long trades, int days, long seed, String ratio, String honest, String flagged,
      String coverage) throws IOException {
    String evaluation = "{\"ingest.reconciled\":true,\"dissatisfaction.shrunk_mse_ratio\":" + ratio
        + ",\"dissatisfaction.shrunk_mse_ratio_honest\":" + honest + ",\"dissatisfaction.shrunk_mse_ratio_flagged\":"
        + flagged + ",\"dissatisfaction.interval_coverage\":" + coverage + ",\"dissatisfaction.raw_mse\":1.0E-5"
        + ",\"dissatisfaction.shrunk_mse\":2.0E-6,\"dissatisfaction.sellers\":3000,\"dissatisfaction.flagged_sellers\":24"
        + ",\"dissatisfaction.platform_rate\":0.004,\"dissatisfaction.platform_target_met\":true,\"rings.rings_found\":10}";
    return SweepDissatisfaction.line(new Market(trades, days, OptionalLong.of(seed)), Results.JSON.readTree(evaluation));
  }

  @Test
  void aMarketsLineIsItsSizeAndSeedThenTheDissatisfactionFiguresWithoutTheErrorsBehindThem() throws IOException {
    assertEquals("{\"trades\":200000,\"days\":14,\"seed\":101,\"shrunk_mse_ratio\":0.627,\"shrunk_mse_ratio_honest\":0.912,"
        + "\"shrunk_mse_ratio_flagged\":0.627,\"interval_coverage\":0.9985,\"sellers\":3000,\"flagged_sellers\":24}",
        Results.json(line(200_000, 14, 101, "0.627", "0.912", "0.627", "0.9985")));
  }

  @Test
  void oneSummaryPerSizeInAscendingOrder() throws IOException {
    List<ObjectNode> lines = new ArrayList<>(List.of(
        line(300_000, 14, 101, "0.355", "0.036", "0.359", "0.999"),
        line(200_000, 14, 101, "0.627", "0.912", "0.627", "0.9985"),
        line(200_000, 14, 202, "2.603", "0.077", "2.680", "1.0"),
        line(200_000, 14, 303, "0.442", "0.0003", "0.786", "0.9992"),
        line(300_000, 7, 101, "0.165", "0.367", "null", "0.9965")));
    List<String> summaries = SweepDissatisfaction.summaries(lines).stream().map(Results::json).toList();
    // docs: "200k x 14 days worst 2.603, mean 1.224, at most 0.5 on seed 303 only, flagged at most 1 on 101 and 303"
    assertEquals(List.of(
        "{\"summary\":\"200000 trades x 14 days\",\"seeds\":[101,202,303],\"shrunk_mse_ratio_max\":2.603,"
            + "\"shrunk_mse_ratio_mean\":" + (0.627 + 2.603 + 0.442) / 3 + ",\"shrunk_mse_ratio_honest_max\":0.912,"
            + "\"shrunk_mse_ratio_flagged_max\":2.68,\"shrunk_mse_ratio_flagged_mean\":" + (0.627 + 2.680 + 0.786) / 3
            + ",\"seeds_ratio_at_most_0_5\":[303],\"seeds_flagged_at_most_1\":[101,303],"
            + "\"interval_coverage_min\":0.9985,\"interval_coverage_max\":1.0}",
        "{\"summary\":\"300000 trades x 7 days\",\"seeds\":[101],\"shrunk_mse_ratio_max\":0.165,\"shrunk_mse_ratio_mean\":0.165,"
            + "\"shrunk_mse_ratio_honest_max\":0.367,\"shrunk_mse_ratio_flagged_max\":null,\"shrunk_mse_ratio_flagged_mean\":null,"
            + "\"seeds_ratio_at_most_0_5\":[101],\"seeds_flagged_at_most_1\":[101],"
            + "\"interval_coverage_min\":0.9965,\"interval_coverage_max\":0.9965}",
        "{\"summary\":\"300000 trades x 14 days\",\"seeds\":[101],\"shrunk_mse_ratio_max\":0.355,\"shrunk_mse_ratio_mean\":0.355,"
            + "\"shrunk_mse_ratio_honest_max\":0.036,\"shrunk_mse_ratio_flagged_max\":0.359,\"shrunk_mse_ratio_flagged_mean\":0.359,"
            + "\"seeds_ratio_at_most_0_5\":[101],\"seeds_flagged_at_most_1\":[101],"
            + "\"interval_coverage_min\":0.999,\"interval_coverage_max\":0.999}"), summaries);
  }
}
