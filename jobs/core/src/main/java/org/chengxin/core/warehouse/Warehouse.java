package org.chengxin.core.warehouse;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warehouse layout and its one write rule. Tables live at {@code ROOT/TABLE/ds=YYYY-MM-DD/}.
 * A job never writes into a live partition: it writes a staging directory and then
 * {@link #commitPartition swaps} it in, so a failed run leaves the previous contents intact and a
 * re-run replaces the partition whole (idempotent per day).
 *
 * <p>The swap is two renames (live to trash, staging to live). Should a crash fall between them, the
 * next commit or {@link #recover} puts the trashed copy back, so a partition is never lost.
 */
public final class Warehouse {
  private static final Logger LOG = LoggerFactory.getLogger(Warehouse.class);

  private final String root;
  private final WarehouseFileSystem fs;

  public Warehouse(String root, WarehouseFileSystem fs) {
    this.root = stripTrailingSlash(root);
    this.fs = fs;
  }

  public static Warehouse local(String root) {
    return new Warehouse(root, new LocalWarehouseFileSystem());
  }

  public String root() {
    return root;
  }

  public WarehouseFileSystem fileSystem() {
    return fs;
  }

  /** The days {@code table} has partitions for, ascending. */
  public List<LocalDate> days(String table) {
    List<LocalDate> days = new ArrayList<>();
    for (String name : fs.list(tablePath(table))) {
      if (name.startsWith("ds=")) {
        try {
          days.add(LocalDate.parse(name.substring("ds=".length())));
        } catch (DateTimeParseException e) {
          // not a day partition (e.g. a tool's scratch directory): not part of the table
        }
      }
    }
    days.sort(null);
    return days;
  }

  public String tablePath(String table) {
    return root + "/" + table;
  }

  public String partitionPath(String table, LocalDate day) {
    return tablePath(table) + "/ds=" + day;
  }

  /** A fresh, empty staging directory for one run's output of one table partition. */
  public String newStagingPath(String table, LocalDate day) {
    String path = stagingArea(table, day) + "/" + UUID.randomUUID();
    fs.mkdirs(path);
    return path;
  }

  /**
   * Removes what earlier runs left in one table partition's staging area: a run killed before its
   * commit ({@code kill -9}, a lost machine) cannot clean up after itself. Called before a run stages
   * its own write of the partition; one run at a time writes a warehouse (the nightly's lock).
   */
  public void discardAbandonedStaging(String table, LocalDate day) {
    String area = stagingArea(table, day);
    // A committed run leaves the area empty: only a run's own folder in it is a leftover.
    if (fs.exists(area) && !fs.list(area).isEmpty()) {
      LOG.warn("removing {}/ds={} staging left by an earlier run that never committed", table, day);
      fs.deleteRecursively(area);
    }
  }

  private String stagingArea(String table, LocalDate day) {
    return root + "/_staging/" + table + "/ds=" + day;
  }

  /** Path of the day's run summary, {@code ROOT/_runs/YYYY-MM-DD.json}. */
  public String runSummaryPath(LocalDate day) {
    return runSummaryDirectory() + "/" + day + ".json";
  }

  /** Path of the day's HTML run report, beside its summary: {@code ROOT/_runs/YYYY-MM-DD.html}. */
  public String runReportPath(LocalDate day) {
    return runSummaryDirectory() + "/" + day + ".html";
  }

  /** The folder of the run summaries, {@code ROOT/_runs}. */
  public String runSummaryDirectory() {
    return root + "/_runs";
  }

  /** Replaces the live partition with the staged one. */
  public void commitPartition(String table, LocalDate day, String stagingPath) {
    recover(table, day);
    String live = partitionPath(table, day);
    String trash = trashPath(table, day);
    boolean hadLive = fs.exists(live);
    if (hadLive) {
      fs.rename(live, trash);
    }
    try {
      fs.rename(stagingPath, live);
    } catch (RuntimeException e) {
      if (hadLive) {
        fs.rename(trash, live);
      }
      throw e;
    }
    fs.deleteRecursively(trash);
    LOG.info("committed {}/ds={}", table, day);
  }

  /** Restores a partition whose swap was interrupted between its two renames. */
  public void recover(String table, LocalDate day) {
    String live = partitionPath(table, day);
    String trash = trashPath(table, day);
    if (!fs.exists(trash)) {
      return;
    }
    if (fs.exists(live)) {
      fs.deleteRecursively(trash);
    } else {
      LOG.warn("restoring {}/ds={} from an interrupted commit", table, day);
      fs.rename(trash, live);
    }
  }

  /** Removes staging directories left behind by runs that failed before committing. */
  public void discardStaging(String stagingPath) {
    fs.deleteRecursively(stagingPath);
  }

  private String trashPath(String table, LocalDate day) {
    return root + "/_trash/" + table + "/ds=" + day;
  }

  private static String stripTrailingSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
