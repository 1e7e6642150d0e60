package org.chengxin.graph.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The kernels on small graphs, without Spark. */
class KernelsTest {

  private static final double P = TauCore.PRESENT;
  private static final double R = TauCore.REMOVED;

  @Test
  void edgeBlockNumbersItsVerticesLocallyInGlobalOrder() {
    EdgeBlock block = EdgeBlock.of(new int[] {40, 7, 40}, new int[] {9, 9, 12}, new double[] {1, 2, 3});
    assertEquals(4, block.vertexCount());
    assertEquals(3, block.edgeCount());
    assertArrayEquals(new int[] {7, 9, 12, 40},
        java.util.stream.IntStream.range(0, 4).map(block::vertex).toArray());
    assertEquals(3, block.src(0));
    assertEquals(1, block.dst(0));
    assertEquals(2.0, block.weight(1));
  }

  @Test
  void tauCoreRemovesInBatchesUntilEveryVertexReachesTau() {
    // Buyers 0-2 on sellers 3-4 (a 3x2 block, every edge 0.4: buyers 0.8, sellers 1.2), buyer 5
    // hangs on seller 3 with one light edge, and seller 6 has only buyer 5: round 1 removes 5 and
    // 6, round 2 changes nothing more.
    EdgeBlock block = EdgeBlock.of(
        new int[] {0, 0, 1, 1, 2, 2, 5, 5},
        new int[] {3, 4, 3, 4, 3, 4, 3, 6},
        new double[] {0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.1, 0.1});
    Rounds.Fixpoint core = Rounds.untilStable(new TauCore(0.5), block, 10);
    assertArrayEquals(new double[] {P, P, P, P, P, R, R}, core.states());
    assertEquals(2, core.rounds());
  }

  @Test
  void tauCorePeelsAChainOneLinkPerRound() {
    // A path 0-1-2-3 of weight 1 at tau 1.5: the ends go first, then the middle loses its support.
    EdgeBlock path = EdgeBlock.of(new int[] {0, 1, 2}, new int[] {1, 2, 3}, new double[] {1, 1, 1});
    Rounds.Fixpoint core = Rounds.untilStable(new TauCore(1.5), path, 10);
    assertArrayEquals(new double[] {R, R, R, R}, core.states());
    assertEquals(3, core.rounds());
  }

  @Test
  void minLabelGivesEachComponentItsSmallestGlobalId() {
    EdgeBlock block = EdgeBlock.of(new int[] {14, 13, 12, 11, 31}, new int[] {13, 12, 11, 10, 30},
        new double[] {1, 1, 1, 1, 1});
    Rounds.Fixpoint labels = Rounds.untilStable(new MinLabel(), block, 10);
    assertArrayEquals(new double[] {10, 10, 10, 10, 10, 30, 30}, labels.states());
    assertEquals(5, labels.rounds(), "four rounds carry 10 along the path, the fifth changes nothing");
  }

  @Test
  void failsLoudlyWhenRoundsRunOut() {
    EdgeBlock path = EdgeBlock.of(new int[] {3, 2, 1}, new int[] {2, 1, 0}, new double[] {1, 1, 1});
    assertThrows(IllegalStateException.class, () -> Rounds.untilStable(new MinLabel(), path, 2));
  }

  @Test
  void namedEdgesEncodeNamesInNameOrderAndKeepBipartiteSidesApart() {
    NamedEdges named = new NamedEdges(true);
    named.add("b2", "s1", 1.0);
    named.add("b1", "s1", 2.0);
    named.add("s1", "b1", 3.0); // account s1 also buys from account b1: other vertices
    NamedEdges.Encoded encoded = named.encode();
    assertArrayEquals(new String[] {"b1", "b2", "s1", "b1", "s1"}, encoded.names());
    EdgeBlock block = encoded.edges();
    assertEquals("b2", encoded.names()[block.vertex(block.src(0))]);
    assertEquals("s1", encoded.names()[block.vertex(block.dst(0))]);
    assertEquals(3, block.dst(2), "the seller side of account b1");

    NamedEdges undirected = new NamedEdges(false);
    undirected.add("y", "x", 1.0);
    undirected.add("x", "w", 1.0);
    assertArrayEquals(new String[] {"w", "x", "y"}, undirected.encode().names());
  }
}
