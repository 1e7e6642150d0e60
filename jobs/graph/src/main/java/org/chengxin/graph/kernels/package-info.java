/**
 * Graph algorithms as kernels over primitive arrays, in plain Java (no Spark). Iterative ones: an
 * {@link org.chengxin.graph.kernels.EdgeBlock} holds edges over a local vertex index, a
 * {@link org.chengxin.graph.kernels.VertexKernel} says what one round does, and
 * {@link org.chengxin.graph.kernels.Rounds} runs rounds to the fixpoint. The same kernel runs a
 * whole graph inside one task or, block by block, a graph split over many tasks
 * ({@code org.chengxin.graph.blocks.BlockedGraph}). Sequential ones run inside one task:
 * {@link org.chengxin.graph.kernels.DenseBlockPeeling}, FRAUDAR's greedy peeling over a
 * {@link org.chengxin.graph.kernels.BipartiteAdjacency}.
 */
package org.chengxin.graph.kernels;
