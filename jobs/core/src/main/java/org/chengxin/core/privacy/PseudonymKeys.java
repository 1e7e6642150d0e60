package org.chengxin.core.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.chengxin.core.cli.UsageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the pseudonymisation key comes from: a key file named by the job's options, else the
 * {@code CHENGXIN_PSEUDONYM_KEY} environment variable, else a fixed development key. That key is in
 * the source code, so pseudonyms made with it can be reversed by anyone who guesses the identifier
 * (an IP address, a phone's device id): it is refused for anything but the generator's output.
 */
public final class PseudonymKeys {
  public static final String ENV_VAR = "CHENGXIN_PSEUDONYM_KEY";

  private static final Logger LOG = LoggerFactory.getLogger(PseudonymKeys.class);
  private static final String DEVELOPMENT_KEY = "chengxin-development-key-not-for-production";

  private PseudonymKeys() {}

  /** The key for input that {@code generatedInput} says is (or is not) the generator's output. */
  public static Pseudonymiser resolve(Path keyFile, boolean generatedInput) {
    return resolve(keyFile, System.getenv(), generatedInput);
  }

  static Pseudonymiser resolve(Path keyFile, Map<String, String> environment, boolean generatedInput) {
    if (keyFile != null) {
      try {
        return new Pseudonymiser(Files.readString(keyFile).strip().getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read pseudonymisation key file " + keyFile, e);
      }
    }
    String fromEnv = environment.get(ENV_VAR);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return new Pseudonymiser(fromEnv.strip().getBytes(StandardCharsets.UTF_8));
    }
    if (!generatedInput) {
      throw new UsageException("no pseudonymisation key given, and the input is not the generator's output: real data needs its"
          + " own key (--pseudonym-key-file FILE, or " + ENV_VAR + "); the development key is public, so device, IP and"
          + " address pseudonyms made with it could be reversed");
    }
    LOG.warn("No pseudonymisation key given (--pseudonym-key-file or {}): using the development key, as the input is the"
        + " generator's output", ENV_VAR);
    return new Pseudonymiser(DEVELOPMENT_KEY.getBytes(StandardCharsets.UTF_8));
  }
}
