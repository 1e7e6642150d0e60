package org.chengxin.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.chengxin.models.Calibration.CalibrationBin;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Saved risk models: one directory per version under a root (the repository keeps them in
 * {@code models/risk}), each holding {@code model} (Tribuo's protobuf format), {@code provenance.json}
 * (Tribuo's provenance: trainer and its settings, data source, Tribuo and Java versions) and
 * {@code metrics.json} (features, split sizes, held-out figures). Versions are named
 * {@code risk-YYYYMMDD-HHMMSS} (UTC), so the latest is the greatest name.
 */
public final class RiskModelStore {
  public static final String MODEL_FILE = "model";
  public static final String PROVENANCE_FILE = "provenance.json";
  public static final String METRICS_FILE = "metrics.json";
  private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("'risk-'yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path root;

  public RiskModelStore(Path root) {
    this.root = root;
  }

  public static String newVersion(Clock clock) {
    return VERSION.format(clock.instant());
  }

  /** Writes a new version directory; refuses to overwrite an existing one. */
  public Path save(String version, RiskModelTrainer.Result result, RiskModelTrainer.Settings settings, String data)
      throws IOException {
    Path dir = root.resolve(version);
    if (Files.exists(dir)) {
      throw new IOException("model version already exists: " + dir);
    }
    Path staging = Files.createDirectories(root).resolve("." + version + ".tmp");
    deleteRecursively(staging);
    Files.createDirectories(staging);
    result.model().serializeToFile(staging.resolve(MODEL_FILE));
    JSON.writeValue(staging.resolve(PROVENANCE_FILE).toFile(), ProvenanceUtil.convertToMap(result.model().getProvenance()));
    JSON.writeValue(staging.resolve(METRICS_FILE).toFile(), metrics(version, result, settings, data));
    Files.move(staging, dir);
    return dir;
  }

  /** The latest version directory holding a model, if any. */
  public Optional<Path> latest() {
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> d.getFileName().toString().startsWith("risk-") && Files.isRegularFile(d.resolve(MODEL_FILE)))
          .max(java.util.Comparator.comparing(d -> d.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list models in " + root, e);
    }
  }

  /** Loads the latest version; fails when there is none. */
  public RiskModel loadLatest() throws IOException {
    return load(latest().orElseThrow(() -> new IOException("no risk model under " + root
        + " (train one with scripts/train-risk-model)")));
  }

  /** Loads one version directory, refusing a model trained on other features than today's. */
  @SuppressWarnings("unchecked")
  public static RiskModel load(Path dir) throws IOException {
    JsonNode metrics = JSON.readTree(dir.resolve(METRICS_FILE).toFile());
    List<String> features = new ArrayList<>();
    metrics.path("features").forEach(f -> features.add(f.asText()));
    if (!features.equals(RiskFeatures.NAMES)) {
      throw new IOException("model " + dir + " was trained on features " + features + ", seller_features now has "
          + RiskFeatures.NAMES + ": retrain it with scripts/train-risk-model");
    }
    Model<?> model = Model.deserializeFromFile(dir.resolve(MODEL_FILE));
    if (!model.validate(Label.class)) {
      throw new IOException("model " + dir + " is not a classification model");
    }
    return new RiskModel(dir.getFileName().toString(), (Model<Label>) model);
  }

  /** The saved held-out figures of a version. */
  public static JsonNode metrics(Path dir) throws IOException {
    return JSON.readTree(dir.resolve(METRICS_FILE).toFile());
  }

  private static ObjectNode metrics(String version, RiskModelTrainer.Result result, RiskModelTrainer.Settings settings,
      String data) {
    ObjectNode node = JSON.createObjectNode();
    node.put("version", version);
    node.put("data", data);
    ArrayNode features = node.putArray("features");
    RiskFeatures.NAMES.forEach(features::add);
    ObjectNode trainer = node.putObject("settings");
    trainer.put("trees", settings.trees()).put("max_depth", settings.maxDepth())
        .put("feature_fraction", settings.featureFraction()).put("seed", settings.seed())
        .put("held_out_share", settings.heldOutShare());
    node.putObject("train").put("sellers", result.trainSellers()).put("fraudulent", result.trainFraudulent());
    RiskModelTrainer.HeldOut heldOut = result.heldOut();
    ObjectNode held = node.putObject("held_out");
    held.put("sellers", heldOut.sellers()).put("fraudulent", heldOut.fraudulent())
        .put("roc_auc", heldOut.rocAuc()).put("average_precision", heldOut.averagePrecision());
    held.putObject("best_single_signal")
        .put("feature", heldOut.bestSingleSignal().feature())
        .put("higher_is_riskier", heldOut.bestSingleSignal().higherIsRiskier())
        .put("average_precision", heldOut.bestSingleSignal().averagePrecision());
    ArrayNode calibration = held.putArray("calibration");
    for (CalibrationBin bin : heldOut.calibration()) {
      calibration.addObject().put("lower", bin.lower()).put("upper", bin.upper()).put("sellers", bin.sellers())
          .put("mean_predicted", bin.meanPredicted()).put("observed_rate", bin.observedRate());
    }
    return node;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
