package org.chengxin.core.privacy;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashing (HMAC-SHA256) of personal identifiers: device ids, IP addresses, shipping
 * addresses. The same value under the same key always gives the same key string, so linkage
 * analysis still works, while the raw value cannot be recovered without the key. Raw values are
 * hashed before anything is stored or logged.
 *
 * <p>Not thread-safe (it holds a {@link Mac}); create one per thread or operator instance. It is
 * serializable so engines can ship it to workers; the key travels with it, as with any secret
 * handed to a job.
 */
public final class Pseudonymiser implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Hex characters kept from the 256-bit digest: 128 bits, collision-free at marketplace scale. */
  public static final int KEY_HEX_LENGTH = 32;

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final String FINGERPRINT_LABEL = "chengxin pseudonymisation key fingerprint";
  private static final int FINGERPRINT_HEX_LENGTH = 16;

  private final byte[] secret;
  private transient Mac mac;

  public Pseudonymiser(byte[] secret) {
    if (secret == null || secret.length < 16) {
      throw new IllegalArgumentException("the pseudonymisation key must have at least 16 bytes");
    }
    this.secret = secret.clone();
  }

  /**
   * The pseudonymised key of a raw identifier. Values are trimmed and lower-cased first so
   * "AA:BB" and "aa:bb " link.
   */
  public String pseudonymise(String rawValue) {
    byte[] digest = mac().doFinal(normalise(rawValue).getBytes(StandardCharsets.UTF_8));
    char[] out = new char[KEY_HEX_LENGTH];
    for (int i = 0; i < KEY_HEX_LENGTH / 2; i++) {
      out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[digest[i] & 0xf];
    }
    return new String(out);
  }

  /**
   * A short public name of the key: the keyed hash of a fixed label, 16 hex characters. Two keys
   * give different fingerprints; nothing of the key can be learnt from it, so it may be logged and
   * stored (the run summary records it, {@link KeyContinuity}).
   */
  public String fingerprint() {
    return pseudonymise(FINGERPRINT_LABEL).substring(0, FINGERPRINT_HEX_LENGTH);
  }

  static String normalise(String rawValue) {
    return rawValue.strip().toLowerCase(java.util.Locale.ROOT);
  }

  private Mac mac() {
    if (mac == null) {
      try {
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      } catch (NoSuchAlgorithmException | InvalidKeyException e) {
        throw new IllegalStateException("HmacSHA256 unavailable", e);
      }
    }
    return mac;
  }

  @Override
  public String toString() {
    return "Pseudonymiser[HmacSHA256, key hidden]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Pseudonymiser other && Arrays.equals(secret, other.secret);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(secret);
  }
}
