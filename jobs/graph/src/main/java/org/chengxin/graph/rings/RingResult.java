package org.chengxin.graph.rings;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What {@link RingDetection#detect} returns: the {@code rings} and {@code ring_members} Datasets,
 * columns as in docs/rings.md and {@link RingDetection}'s constants. Both are lazily evaluated.
 */
public record RingResult(Dataset<Row> rings, Dataset<Row> members) {}
