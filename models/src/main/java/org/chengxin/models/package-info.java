/**
 * The learned seller risk model: which features it reads ({@link org.chengxin.models.RiskFeatures}),
 * how it is trained and evaluated on a held-out split ({@link org.chengxin.models.RiskModelTrainer},
 * {@link org.chengxin.models.Calibration}, ranking figures from the detectors' RankingMetrics), where its labels come from
 * ({@link org.chengxin.models.TrainingLabels}), and how it is saved with its Tribuo provenance and
 * loaded again ({@link org.chengxin.models.RiskModelStore}, {@link org.chengxin.models.RiskModel}).
 * Plain Java on Tribuo; no engine.
 */
package org.chengxin.models;
