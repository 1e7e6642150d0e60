/**
 * Plain-Java cores of the rating detectors: the {@link org.chengxin.detectors.ratings.RatingGraph}
 * arrays, the REV2-style fixed point {@link org.chengxin.detectors.ratings.RaterReliability},
 * behavioural signals and patterns, and {@link org.chengxin.detectors.ratings.RaterScoring}, which
 * combines them into each account's suspicion. Every rule is per rating or per account so a Spark
 * job can port it as joins and aggregations; docs/rater-reliability.md describes them.
 */
package org.chengxin.detectors.ratings;
