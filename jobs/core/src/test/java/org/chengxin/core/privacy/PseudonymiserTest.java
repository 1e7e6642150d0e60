package org.chengxin.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.chengxin.core.cli.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    Pseudonymiser fromEnv = PseudonymKeys.resolve(null, Map.of(PseudonymKeys.ENV_VAR, "0123456789abcdef-test"), false);
    assertEquals(new Pseudonymiser(KEY), fromEnv);
  }

  @Test
  void theDevelopmentKeyIsOnlyForTheGeneratorsOutput() {
    UsageException refused = assertThrows(UsageException.class, () -> PseudonymKeys.resolve(null, Map.of(), false));
    assertTrue(refused.getMessage().startsWith("no pseudonymisation key given, and the input is not the generator's output"),
        refused.getMessage());
    Pseudonymiser development = PseudonymKeys.resolve(null, Map.of(), true);
    assertNotEquals(new Pseudonymiser(KEY), development);
    assertEquals(new Pseudonymiser(KEY), PseudonymKeys.resolve(null, Map.of(PseudonymKeys.ENV_VAR, "0123456789abcdef-test"), true),
        "a key given wins for generated input too");
  }

  @Test
  void generatedInputIsWhatLiesUnderTheGeneratorsManifest(@TempDir Path dir) throws IOException {
    Path market = dir.resolve("market");
    Files.createDirectories(market.resolve("events/2026-11-04"));
    Files.createDirectories(market.resolve("truth"));
    Path imported = Files.createDirectories(dir.resolve("imported/events/2016-01-01"));
    assertFalse(GeneratedInput.all(List.of(market.resolve("events/2026-11-04").toString())), "no manifest yet");

    Files.writeString(market.resolve("truth/manifest.json"), "{\"generator\" : \"chengxin-generator\", \"parameters\" : {}}");
    assertTrue(GeneratedInput.all(List.of(market.resolve("events/2026-11-04").toString())), "a day folder of the generator's output");
    assertTrue(GeneratedInput.all(List.of(market.resolve("events").toString())));
    assertFalse(GeneratedInput.all(List.of(market.resolve("events").toString(), imported.toString())), "every input must be");
    assertFalse(GeneratedInput.all(List.of()));

    Files.createDirectories(dir.resolve("imported/truth"));
    Files.writeString(dir.resolve("imported/truth/manifest.json"), "{\"generator\" : \"someone-else\"}");
    assertFalse(GeneratedInput.all(List.of(imported.toString())), "another tool's manifest");
  }

  @Test
  void theBundledSampleIsTheGeneratorsOutput() {
    // surefire runs in the module's folder: the repository's sample is two levels up.
    assertTrue(GeneratedInput.all(List.of("../../data-samples/events/2026-11-04")));
  }
}
