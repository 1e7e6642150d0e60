/**
 * Delimited files (CSV, TSV and the like): {@link org.chengxin.core.csv.Delimited} is the one way
 * the project reads and writes them (imported rating files, label files, the generator's truth,
 * table and label exports), on Jackson's CSV module.
 */
package org.chengxin.core.csv;
