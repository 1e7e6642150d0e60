package org.chengxin.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private final Redactor redactor = new Redactor(EventValidatorTest.KEYS);

  private String redact(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return redactor.redact(bytes, 0, bytes.length);
  }

  @Test
  void parseableLinesGetKeyedHashesAtAnyDepthAndCase() {
    String out = redact("{\"a\":{\"IP_Address\":\"10.0.0.1\"},\"device_id\":42,\"shipping_address\":null}");
    assertTrue(out.contains(EventValidatorTest.KEYS.pseudonymise("10.0.0.1")), out);
    assertTrue(out.contains(EventValidatorTest.KEYS.pseudonymise("42")), out);
    assertFalse(out.contains("10.0.0.1"));
  }

  @Test
  void unparseableLinesAreScrubbedByPattern() {
    String out = redact("{\"kind\":\"trade\",\"device_id\":\"dev-9\",\"note\":\"from 192.168.1.20\",\"shipping_address\":\"12 Ro");
    assertEquals("{\"kind\":\"trade\",\"device_id\":\"[redacted]\",\"note\":\"from [ipv4]\",\"shipping_address\":\"[redacted]\"", out);
  }

  @Test
  void bareTokensAndEscapedQuotesAreScrubbedToo() {
    assertEquals("{\"ip_address\":\"[redacted]\",", Redactor.scrub("{\"ip_address\":10.1.2.3,"));
    assertEquals("{\"device_id\" : \"[redacted]\" x", Redactor.scrub("{\"device_id\" : \"a\\\"b\" x"));
  }

  @Test
  void hugeValuesDoNotOverflowTheStack() {
    String huge = "{\"shipping_address\":\"" + "x\\\"y".repeat(30_000);
    assertEquals("{\"shipping_address\":\"[redacted]\"", Redactor.scrub(huge));
  }

  @Test
  void longLinesAreCut() {
    assertEquals(Redactor.MAX_CHARS, Redactor.scrub("{" + "x".repeat(10_000)).length());
  }
}
