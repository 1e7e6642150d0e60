package org.chengxin.core.event;

import java.util.Locale;
import java.util.Optional;

/** An enum whose constants appear in raw JSON and in tables as lower-case words. */
public interface WireEnum {

  /** The lower-case word used in raw JSON and in table columns. */
  default String wire() {
    return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire word exactly (lower case, no padding); empty when it names no constant. */
  static <E extends Enum<E> & WireEnum> Optional<E> parse(Class<E> type, String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.wire().equals(value)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }
}
