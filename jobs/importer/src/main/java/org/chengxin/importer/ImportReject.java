package org.chengxin.importer;

import org.chengxin.core.event.WireEnum;

/** Why a source row did not become a rating event; counted per reason and reported. */
public enum ImportReject implements WireEnum {
  /** Fewer fields than the highest column the options name. */
  MISSING_COLUMNS,
  /** A rater or ratee field is empty. */
  MISSING_ID,
  /** An id (with its prefix) is not 1-64 characters of [A-Za-z0-9_.:-], the wire format's id rule. */
  MALFORMED_ID,
  /** Rater and ratee are the same account. */
  SELF_RATING,
  /** The rating field is not a number. */
  UNPARSEABLE_RATING,
  /** The rating lies outside the declared scale. */
  OUT_OF_SCALE,
  /** The time field does not match the time format. */
  UNPARSEABLE_TIME,
  /** The time is before 2000-01-01 or more than a day in the future: almost surely a wrong format. */
  TIME_OUT_OF_RANGE,
  /** A quoted field is not closed on its line, or text follows its closing quote. */
  UNBALANCED_QUOTES
}
