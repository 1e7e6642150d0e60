package org.chengxin.console;

import java.util.List;

/** What the case page shows from the warehouse: its tables, the seller's rings as a graph, and the ratings it received over time. */
record CaseEvidence(List<EvidenceTable> tables, RingGraph ringGraph, RatingHistory ratings) {

  /** A warehouse that could not be read: one section saying so, and charts with nothing to draw. */
  static CaseEvidence unreadable() {
    String why = "the warehouse could not be read; the server log says more";
    return new CaseEvidence(List.of(new EvidenceTable("Warehouse", List.of(), List.of(), why)), RingGraph.empty(why),
        new RatingHistory(List.of(), List.of(), List.of(why)));
  }
}
