/**
 * Synthetic marketplace generator: streams raw JSON Lines events with planted fraud (credit-boosting
 * rings, malicious raters, counterfeit sellers) and feed faults, plus the ground truth the detectors
 * are evaluated against. Deterministic per seed; state is accounts and campaigns, never trades.
 * Entry point: {@link org.chengxin.generator.Generate}; docs/generator.md describes the output.
 */
package org.chengxin.generator;
