package org.chengxin.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The risk model's calibration on its held-out sellers: per bin of predicted risk, the sellers, the
 * mean prediction and the observed fraudulent share. The warehouse holds no calibration (seller_risk
 * has only the risk and the model version): it is in the model's own {@code metrics.json}, written
 * when the model was trained (docs/review.md), under the models folder the nightly scored with.
 */
record Calibration(String modelVersion, List<Bin> bins, String absent) {

  record Bin(double lower, double upper, long sellers, double meanPredicted, double observedRate) {}

  /** The calibration of {@code modelVersion} (the one seller_risk names) under {@code models}. */
  static Calibration of(Path models, String modelVersion) {
    Path metrics = models.resolve(modelVersion).resolve("metrics.json");
    if (!Files.isRegularFile(metrics)) {
      return new Calibration(modelVersion, List.of(), "no " + metrics + ": the model's held-out calibration is not on this machine");
    }
    try {
      JsonNode held = new ObjectMapper().readTree(metrics.toFile()).path("held_out");
      List<Bin> bins = new ArrayList<>();
      for (JsonNode bin : held.path("calibration")) {
        bins.add(new Bin(bin.path("lower").asDouble(), bin.path("upper").asDouble(), bin.path("sellers").asLong(),
            bin.path("mean_predicted").asDouble(), bin.path("observed_rate").asDouble()));
      }
      return new Calibration(modelVersion, bins, bins.isEmpty() ? metrics + " holds no calibration table" : null);
    } catch (IOException e) {
      return new Calibration(modelVersion, List.of(), metrics + " could not be read: " + e.getMessage());
    }
  }

  EvidenceTable table() {
    return new EvidenceTable("Calibration of " + modelVersion + " on its held-out sellers",
        List.of("predicted risk", "sellers", "mean predicted", "observed fraudulent share"),
        bins.stream().map(b -> List.of(String.format("%.1f-%.1f", b.lower(), b.upper()), Long.toString(b.sellers()),
            String.format("%.3f", b.meanPredicted()), String.format("%.3f", b.observedRate()))).toList(), absent);
  }
}
