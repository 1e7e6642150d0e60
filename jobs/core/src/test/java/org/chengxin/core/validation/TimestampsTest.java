package org.chengxin.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-01T08:15:30Z", "2000-02-29T23:59:59.999Z", "1969-12-31T23:59:59Z",
      "2026-11-01T08:15:30.1Z", "2400-02-29T00:00:00Z", "2026-11-01T16:15:30+08:00", "+12026-01-01T00:00:00Z"})
  void agreesWithTheJdk(String text) {
    assertEquals(Instant.parse(text).toEpochMilli(), Timestamps.parseMillis(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-13-01T00:00:00Z", "2100-02-29T00:00:00Z",
      "2026-11-01T08:15:30", "20261101T081530Z", "", "2026-11-01T08:15:3aZ"})
  void rejectsWhatIsNotAnInstant(String text) {
    assertEquals(Timestamps.INVALID, Timestamps.parseMillis(text));
  }
}
