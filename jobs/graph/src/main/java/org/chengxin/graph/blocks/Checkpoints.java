package org.chengxin.graph.blocks;

import org.apache.spark.SparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.storage.StorageLevel;

/**
 * Cuts a dataset's lineage where a job reuses it or hands it to the next round. Embedded, in the
 * executors' block stores (a local checkpoint): fast, and there the executors die only with the
 * driver. On a cluster an executor can be lost alone (preempted, out of memory, its node down), and
 * a local checkpoint's blocks go with it: the job fails with "checkpoint block not found". So when
 * the job runner has given the context a checkpoint folder ({@code SparkContext.setCheckpointDir},
 * as it does on a cluster) the copy goes there, to the warehouse's file system, instead.
 */
public final class Checkpoints {
  private Checkpoints() {}

  /** {@code dataset}, computed now and checkpointed as its context allows. */
  public static <T> Dataset<T> of(Dataset<T> dataset) {
    return reliable(dataset.sparkSession().sparkContext()) ? dataset.checkpoint() : dataset.localCheckpoint();
  }

  /** Marks {@code rdd} to be checkpointed by the next action on it (kept in memory or on disk meanwhile). */
  public static void mark(RDD<?> rdd) {
    if (reliable(rdd.context())) {
      // Persisted first (a level it may have already): the checkpoint is written by a job of its
      // own, which would otherwise compute it again.
      rdd.persist(StorageLevel.MEMORY_AND_DISK());
      rdd.checkpoint();
    } else {
      rdd.localCheckpoint();
    }
  }

  private static boolean reliable(SparkContext context) {
    return context.getCheckpointDir().isDefined();
  }
}
