/**
 * Credit-boosting ring detection on Spark DataFrames. {@link org.chengxin.graph.rings.RingDetection}
 * is the entry point a job calls; docs/rings.md documents the algorithm and the output columns.
 */
package org.chengxin.graph.rings;
