/**
 * Runs the plain-Java graph kernels ({@code org.chengxin.graph.kernels}) inside Spark tasks: one
 * task for a graph that fits one block, blocks with a per-round exchange of vertex states for a
 * larger one.
 */
package org.chengxin.graph.blocks;
