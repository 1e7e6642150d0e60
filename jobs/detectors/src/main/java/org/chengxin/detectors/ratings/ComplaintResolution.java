package org.chengxin.detectors.ratings;

import org.chengxin.core.event.ComplaintOutcome;

/**
 * A complaint by {@code complainant} against {@code respondent} (graph account indices) that was
 * resolved with {@code outcome} at {@code resolvedAtEpochSecond}.
 */
public record ComplaintResolution(int complainant, int respondent, long resolvedAtEpochSecond, ComplaintOutcome outcome) {
  public ComplaintResolution {
    if (outcome == null) {
      throw new IllegalArgumentException("complaint outcome is required");
    }
  }
}
