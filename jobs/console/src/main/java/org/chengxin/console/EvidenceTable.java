package org.chengxin.console;

import java.util.List;

/**
 * One section of a case's warehouse evidence as the page shows it: a title, column names and rows of
 * values, or why there is nothing ({@code absent}: the table is not in the warehouse, or has no row
 * for the seller).
 */
record EvidenceTable(String title, List<String> columns, List<List<String>> rows, String absent) {}
