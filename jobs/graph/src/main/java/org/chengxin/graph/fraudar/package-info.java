/**
 * FRAUDAR (Hooi et al., KDD 2016) with ids: the column-weighted suspiciousness metric, the exact
 * greedy peeling of a buyer–seller graph (through the array kernel
 * {@link org.chengxin.graph.kernels.DenseBlockPeeling}), used on executors to peel candidate
 * subgraphs, and {@code scripts/bench-dense-block} ({@link org.chengxin.graph.fraudar.DenseBlockBenchmark})
 * on a rating file's rater x ratee pairs.
 */
package org.chengxin.graph.fraudar;
