/**
 * The nightly {@code rings} job: wires {@link org.chengxin.graph.rings.RingDetection} (module
 * jobs/graph) to the warehouse, and {@link org.chengxin.jobs.rings.RingPairs}, the ring exclusion of
 * robust reputation. See docs/rings.md.
 */
package org.chengxin.jobs.rings;
