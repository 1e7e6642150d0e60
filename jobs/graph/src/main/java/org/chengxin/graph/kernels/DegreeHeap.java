package org.chengxin.graph.kernels;

/**
 * Indexed binary min-heap of nodes keyed by a double degree, with decrease-key: the lightest node
 * first, the smaller node number on equal degrees, so the order nodes leave in is fully determined.
 * Three int/double arrays, nothing per node.
 */
final class DegreeHeap {

  private static final int ABSENT = -1;

  private final double[] degree;
  private final int[] heap;
  private final int[] position;
  private int size;

  /** A heap over the nodes with {@code present[node]}, keyed by {@code degree} (read, and changed only through this heap). */
  DegreeHeap(double[] degree, boolean[] present) {
    this.degree = degree;
    this.heap = new int[degree.length];
    this.position = new int[degree.length];
    for (int node = 0; node < degree.length; node++) {
      position[node] = ABSENT;
      if (present[node]) {
        heap[size] = node;
        position[node] = size++;
      }
    }
    for (int i = size / 2 - 1; i >= 0; i--) {
      siftDown(i);
    }
  }

  boolean isEmpty() {
    return size == 0;
  }

  boolean contains(int node) {
    return position[node] != ABSENT;
  }

  /** Removes and returns the lightest node. */
  int poll() {
    int top = heap[0];
    position[top] = ABSENT;
    size--;
    if (size > 0) {
      heap[0] = heap[size];
      position[heap[0]] = 0;
      siftDown(0);
    }
    return top;
  }

  /** Lowers a node's degree by {@code amount} (positive) and moves it up to its place. */
  void decrease(int node, double amount) {
    degree[node] -= amount;
    int i = position[node];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!lighter(node, heap[parent])) {
        break;
      }
      heap[i] = heap[parent];
      position[heap[i]] = i;
      i = parent;
    }
    heap[i] = node;
    position[node] = i;
  }

  private void siftDown(int i) {
    int node = heap[i];
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && lighter(heap[child + 1], heap[child])) {
        child++;
      }
      if (!lighter(heap[child], node)) {
        break;
      }
      heap[i] = heap[child];
      position[heap[i]] = i;
      i = child;
    }
    heap[i] = node;
    position[node] = i;
  }

  private boolean lighter(int a, int b) {
    int byDegree = Double.compare(degree[a], degree[b]);
    return byDegree < 0 || (byDegree == 0 && a < b);
  }
}
