/**
 * Graph algorithms for credit-boosting ring detection: plain-Java FRAUDAR cores ({@code fraudar}),
 * connected components on DataFrames ({@code components}) and the distributed ring detection that
 * combines them ({@code rings}). Nothing here collects a whole graph onto the Spark driver.
 */
package org.chengxin.graph;
