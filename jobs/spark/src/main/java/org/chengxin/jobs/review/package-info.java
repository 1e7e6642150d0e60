/**
 * The review side of the nightly run (docs/review.md): {@code counterfeit_signals}, the risk
 * model's {@code seller_features} and {@code seller_risk}, the flagged-seller {@code review_queue},
 * its sync into the PostgreSQL case store, and the command that retrains the risk model. Rules
 * and reasons are plain Java ({@link org.chengxin.jobs.review.CounterfeitRules},
 * {@link org.chengxin.jobs.review.QueueCase}); the job classes are wiring.
 */
package org.chengxin.jobs.review;
