/** Connected components on Spark DataFrames (min-label propagation) and shared-key account linkage. */
package org.chengxin.graph.components;
