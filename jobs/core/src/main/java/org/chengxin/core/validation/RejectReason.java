package org.chengxin.core.validation;

import org.chengxin.core.event.WireEnum;

/**
 * Why a raw line was rejected; the {@code reason} column of {@code dead_letter} holds the lower-case
 * wire word. docs/ingest.md lists them with examples. The first rule a line breaks decides. The
 * last five are a revision's rules against its rating ({@link RevisionRules}), checked at ingest
 * once the rating is looked up.
 */
public enum RejectReason implements WireEnum {
  /** Empty or whitespace-only line. */
  EMPTY_LINE,
  /** Bytes that are not valid UTF-8 (Latin-1, UTF-16, cut multi-byte sequences, NUL bytes). */
  INVALID_ENCODING,
  /** Longer than the line limit; the stored raw line is cut. */
  LINE_TOO_LONG,
  /** Not parseable as JSON: truncated, unbalanced, trailing garbage. */
  MALFORMED_JSON,
  /** Valid JSON but not an object (array, string, number). */
  NOT_AN_OBJECT,
  /** The same known field twice in one object: which one counts would be a guess. */
  DUPLICATE_FIELD,
  /** No {@code kind} field, or it is null. */
  MISSING_KIND,
  /** {@code kind} names no event kind. */
  UNKNOWN_KIND,
  /** A required field is absent or null. */
  MISSING_FIELD,
  /** A field has the wrong JSON type (number as string, float for an integer, object for a string). */
  WRONG_TYPE,
  /** An id is not 1-64 characters of [A-Za-z0-9_.:-]. */
  MALFORMED_ID,
  /** A category or brand is not a slug (lower-case letters, digits, '_' and '-', 1-64 chars). */
  MALFORMED_SLUG,
  /** A currency is not three upper-case letters (ISO 4217). */
  MALFORMED_CURRENCY,
  /** An enum field holds a word outside its list. */
  UNKNOWN_ENUM,
  /** An integer does not fit the column's type (beyond 64 bits, or beyond 32 bits for int columns). */
  NUMBER_OVERFLOW,
  /** A number outside its range: price or quantity not positive, quantity huge, DSR outside 1-5, negative compensation. */
  OUT_OF_RANGE,
  /** A timestamp that is not an ISO-8601 instant. */
  MALFORMED_TIMESTAMP,
  /** A timestamp before 2000-01-01 or after the plausible bound (one day after the run day). */
  TIMESTAMP_OUT_OF_RANGE,
  /** Lifecycle timestamps out of order: paid before created, shipped before paid, resolved before filed. */
  TIMESTAMPS_OUT_OF_ORDER,
  /** Fields that contradict each other: DSR on seller_to_buyer, rater == ratee, resolved_at vs outcome. */
  INCONSISTENT_FIELDS,
  /** A rating_revision names a rating_id no rating of the run or of the look-back has. */
  UNKNOWN_RATING,
  /** A rating_revision given more than 30 days after its rating. */
  OUTSIDE_REVISION_WINDOW,
  /** A rating_revision of a rating that was already revised (a rating is revised once). */
  SECOND_REVISION,
  /** A rating_revision that is not upward: only a negative or neutral rating turns positive, detailed ratings never drop. */
  NOT_UPWARD,
  /** A rating_revision whose rater_id is not the rating's rater. */
  NOT_THE_RATER
}
