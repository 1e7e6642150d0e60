package org.chengxin.review;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.chengxin.core.event.WireEnum;

/**
 * A review-queue enum: its lower-case wire word is what the database columns, the JSON and the
 * command line use.
 */
interface QueueWord extends WireEnum {

  @Override
  @JsonValue
  default String wire() {
    return WireEnum.super.wire();
  }

  /** Parses a wire word, or says which words {@code what} accepts. */
  static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String what, String word) {
    return WireEnum.parse(type, word)
        .orElseThrow(() -> new IllegalArgumentException(what + " must be one of " + words(type) + ", got '" + word + "'"));
  }

  /** The accepted words, as {@code a|b|c}. */
  static <E extends Enum<E> & WireEnum> String words(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(WireEnum::wire).collect(Collectors.joining("|"));
  }
}
