/** Connected components (min-label propagation over primitive arrays in Spark tasks) and shared-key account linkage. */
package org.chengxin.graph.components;
