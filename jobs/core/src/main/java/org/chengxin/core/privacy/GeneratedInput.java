package org.chengxin.core.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether an ingest's inputs are the generator's output: each input lies in (or is) the folder a
 * {@code scripts/generate --out} wrote, recognised by the ground truth's manifest
 * ({@code truth/manifest.json}, {@code "generator": "chengxin-generator"}) in it or in a folder above.
 * Only such input may be pseudonymised with the development key.
 */
public final class GeneratedInput {
  static final String GENERATOR = "chengxin-generator";
  private static final ObjectMapper JSON = new ObjectMapper();

  private GeneratedInput() {}

  /** True when every input (local paths) is the generator's output; false for none. */
  public static boolean all(List<String> inputs) {
    return !inputs.isEmpty() && inputs.stream().allMatch(input -> generated(Path.of(input).toAbsolutePath().normalize()));
  }

  private static boolean generated(Path input) {
    for (Path folder = input; folder != null; folder = folder.getParent()) {
      Path manifest = folder.resolve("truth").resolve("manifest.json");
      if (Files.isRegularFile(manifest)) {
        return GENERATOR.equals(generatorOf(manifest));
      }
    }
    return false;
  }

  private static String generatorOf(Path manifest) {
    try {
      JsonNode root = JSON.readTree(manifest.toFile());
      return root.path("generator").asText(null);
    } catch (IOException unreadable) {
      return null;
    }
  }
}
