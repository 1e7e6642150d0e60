package org.chengxin.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;
import org.chengxin.core.cli.UsageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code scripts/evaluate}: measures every detector against the generator's truth and prints all
 * figures as one flat JSON object on stdout (logs go to stderr). An evaluation whose inputs are
 * absent reports its keys as null rather than failing the others.
 */
public final class EvaluateCommand {
  private static final Logger LOG = LoggerFactory.getLogger(EvaluateCommand.class);

  /** Every evaluation, in the order their keys are printed. */
  static List<DetectorEvaluation> evaluations() {
    return List.of(new IngestEvaluation(), new DissatisfactionEvaluation(), new RatingsEvaluation(), new RevisionsEvaluation(), new ReviewEvaluation(), new RingsEvaluation());
  }

  private EvaluateCommand() {}

  public static void main(String[] args) {
    Arguments.runMain(() -> {
      Arguments cli = new Arguments("scripts/evaluate",
          "Measures every detector against the generator's truth; prints all figures as one flat JSON object.");
      Arg<Path> truthDir = cli.requiredPath("truth", "DIR", "the generator's truth folder (OUT/truth)");
      Supplier<WarehouseDay> day = WarehouseDay.declare(cli, "the evaluated day");
      if (!cli.parse(args)) {
        return;
      }
      Path truth = truthDir.value();
      if (!Files.isDirectory(truth)) {
        throw new UsageException("--truth is not a folder: " + truth);
      }
      EvaluationContext context = new EvaluationContext(truth, day.get().warehouse(), day.get().date());
      System.out.println(evaluate(context).toJson());
    });
  }

  static Metrics evaluate(EvaluationContext context) throws Exception {
    Metrics metrics = new Metrics();
    for (DetectorEvaluation evaluation : evaluations()) {
      LOG.info("evaluating {}", evaluation.name());
      evaluation.measure(context, metrics);
    }
    return metrics;
  }
}
