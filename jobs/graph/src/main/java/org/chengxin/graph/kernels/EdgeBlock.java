package org.chengxin.graph.kernels;

import java.io.Serializable;
import org.chengxin.core.graph.LocalIndex;

/**
 * Edges of one block as primitive arrays over a local vertex index, like GraphX's
 * {@code EdgePartition}: vertices are numbered 0..n-1 inside the block in the order of their
 * global (dictionary) ids, and every edge names its endpoints by local number, so per-round vertex
 * arrays are as long as the block's vertex count, not the graph's.
 */
public final class EdgeBlock implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int[] vertices;
  private final int[] src;
  private final int[] dst;
  private final double[] weight;

  private EdgeBlock(int[] vertices, int[] src, int[] dst, double[] weight) {
    this.vertices = vertices;
    this.src = src;
    this.dst = dst;
    this.weight = weight;
  }

  /**
   * @param srcGlobal global id of each edge's first endpoint
   * @param dstGlobal global id of each edge's second endpoint
   * @param weight each edge's weight
   */
  public static EdgeBlock of(int[] srcGlobal, int[] dstGlobal, double[] weight) {
    int edges = srcGlobal.length;
    if (dstGlobal.length != edges || weight.length != edges) {
      throw new IllegalArgumentException("endpoint and weight arrays differ in length");
    }
    int[] vertices = LocalIndex.of(srcGlobal, dstGlobal, edges);
    int[] src = LocalIndex.localize(vertices, srcGlobal, edges);
    int[] dst = LocalIndex.localize(vertices, dstGlobal, edges);
    return new EdgeBlock(vertices, src, dst, weight.clone());
  }

  public int edgeCount() {
    return src.length;
  }

  public int vertexCount() {
    return vertices.length;
  }

  /** Global id of a local vertex. */
  public int vertex(int local) {
    return vertices[local];
  }

  public int src(int edge) {
    return src[edge];
  }

  public int dst(int edge) {
    return dst[edge];
  }

  public double weight(int edge) {
    return weight[edge];
  }

  /** Bytes held by the arrays: what a task keeps in memory for this block between rounds. */
  public long arrayBytes() {
    return 4L * vertices.length + 16L * src.length;
  }
}
