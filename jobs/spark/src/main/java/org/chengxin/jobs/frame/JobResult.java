package org.chengxin.jobs.frame;

import java.time.LocalDate;
import java.util.Map;

/**
 * What one job run did, as recorded in the day's run summary.
 *
 * @param inputs rows read per input table
 * @param outputs rows written per output table
 */
public record JobResult(String job, LocalDate day, Map<String, Long> inputs, Map<String, Long> outputs, double seconds) {

  public JobResult {
    inputs = Map.copyOf(inputs);
    outputs = Map.copyOf(outputs);
  }

  public long rowsIn() {
    return inputs.values().stream().mapToLong(Long::longValue).sum();
  }

  public long rowsOut() {
    return outputs.values().stream().mapToLong(Long::longValue).sum();
  }
}
