package org.chengxin.evaluation;

/** Measures one part of the pipeline against the generator's truth and adds its figures. */
public interface DetectorEvaluation {

  /** Key prefix of this evaluation's figures, e.g. {@code ingest} or {@code rings}. */
  String name();

  void measure(EvaluationContext context, Metrics metrics) throws Exception;
}
