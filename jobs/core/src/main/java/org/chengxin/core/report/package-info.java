/** The nightly run's HTML report, {@code WAREHOUSE/_runs/DATE.html}: self-contained, it opens from disk with no script. */
package org.chengxin.core.report;
