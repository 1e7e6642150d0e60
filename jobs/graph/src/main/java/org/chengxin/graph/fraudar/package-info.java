/**
 * FRAUDAR (Hooi et al., KDD 2016) in plain Java: the column-weighted suspiciousness metric and the
 * exact greedy peeling. Used on executors to peel candidate subgraphs and by tests as the reference.
 */
package org.chengxin.graph.fraudar;
