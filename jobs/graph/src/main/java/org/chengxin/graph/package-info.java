/**
 * Graph algorithms for credit-boosting ring detection: plain-Java FRAUDAR cores ({@code fraudar}),
 * iterative graph kernels over primitive arrays ({@code kernels}) and their runner inside Spark
 * tasks ({@code blocks}), connected components and shared-key linkage ({@code components}) and the
 * distributed ring detection that combines them ({@code rings}). Nothing here collects a whole
 * graph onto the Spark driver.
 */
package org.chengxin.graph;
