/**
 * Iterative graph algorithms as kernels over primitive arrays, in plain Java (no Spark): an
 * {@link org.chengxin.graph.kernels.EdgeBlock} holds edges over a local vertex index, a
 * {@link org.chengxin.graph.kernels.VertexKernel} says what one round does, and
 * {@link org.chengxin.graph.kernels.Rounds} runs rounds to the fixpoint. The same kernel runs a
 * whole graph inside one task or, block by block, a graph split over many tasks
 * ({@code org.chengxin.graph.blocks.BlockedGraph}).
 */
package org.chengxin.graph.kernels;
