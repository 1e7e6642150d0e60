package org.chengxin.core.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the pseudonymisation key comes from: a key file named by the job's options, else the
 * {@code CHENGXIN_PSEUDONYM_KEY} environment variable, else a fixed development key that is only
 * fit for generated sample data (a warning says so).
 */
public final class PseudonymKeys {
  public static final String ENV_VAR = "CHENGXIN_PSEUDONYM_KEY";

  private static final Logger LOG = LoggerFactory.getLogger(PseudonymKeys.class);
  private static final String DEVELOPMENT_KEY = "chengxin-development-key-not-for-production";

  private PseudonymKeys() {}

  public static Pseudonymiser resolve(Path keyFile) {
    return resolve(keyFile, System.getenv());
  }

  static Pseudonymiser resolve(Path keyFile, Map<String, String> environment) {
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
    LOG.warn(
        "No pseudonymisation key given (--pseudonym-key-file or {}): using the development key,"
            + " fit only for generated sample data",
        ENV_VAR);
    return new Pseudonymiser(DEVELOPMENT_KEY.getBytes(StandardCharsets.UTF_8));
  }
}
