package org.chengxin.detectors.ratings;

/**
 * Along one rater's ratings in time order, how many it gave strictly earlier than each: the
 * competitor-attack rule's "little history". Ratings at the same second share the count (neither
 * came before the other). {@link #reset} starts the next rater.
 */
public final class GivenBefore {
  private int given;
  private int earlier;
  private long lastSecond;

  public void reset() {
    given = 0;
    earlier = 0;
  }

  /** The count for the rater's next rating, no earlier than the one before. */
  public int next(long epochSecond) {
    if (given > 0 && epochSecond > lastSecond) {
      earlier = given;
    }
    lastSecond = epochSecond;
    given++;
    return earlier;
  }
}
