package org.chengxin.review;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Passwords as Argon2id hashes (Bouncy Castle's generator) in the PHC string form
 * {@code $argon2id$v=19$m=KIB,t=PASSES,p=LANES$SALT$HASH}: memory-hard, so a stolen accounts table
 * is slow to brute-force on GPUs. The parameters travel in the string, so stronger ones later still
 * verify the hashes made today. Defaults are OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane).
 */
public final class PasswordHash {
  public static final int MIN_PASSWORD_LENGTH = 12;
  private static final int MAX_PASSWORD_LENGTH = 1024;
  private static final Pattern PHC = Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODE = Base64.getDecoder();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final int memoryKib;
  private final int passes;

  public PasswordHash() {
    this(19 * 1024, 2);
  }

  /** Hashes made with {@code memoryKib} KiB and {@code passes} passes (cheaper ones for tests that hash dozens). */
  public PasswordHash(int memoryKib, int passes) {
    this.memoryKib = memoryKib;
    this.passes = passes;
  }

  /** A new hash of {@code password} with a fresh random salt; the password must be long enough. */
  public String hash(char[] password) {
    checkStrength(password);
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    byte[] hash = argon2(password, salt, memoryKib, passes, 1, 32);
    return "$argon2id$v=19$m=" + memoryKib + ",t=" + passes + ",p=1$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
  }

  /** Whether {@code password} is the one {@code stored} was made from (compared in constant time). */
  public boolean verify(char[] password, String stored) {
    Matcher phc = PHC.matcher(stored);
    if (!phc.matches() || password.length > MAX_PASSWORD_LENGTH) {
      return false;
    }
    byte[] expected = B64_DECODE.decode(phc.group(5));
    byte[] actual = argon2(password, B64_DECODE.decode(phc.group(4)), Integer.parseInt(phc.group(1)),
        Integer.parseInt(phc.group(2)), Integer.parseInt(phc.group(3)), expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  /** Refuses passwords too short to resist guessing, or absurdly long (hashing them would be a free denial of service). */
  public static void checkStrength(char[] password) {
    if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
      throw new IllegalArgumentException("a password has " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH
          + " characters, got " + password.length);
    }
  }

  private static byte[] argon2(char[] password, byte[] salt, int memoryKib, int passes, int lanes, int length) {
    Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(memoryKib)
        .withIterations(passes)
        .withParallelism(lanes)
        .withSalt(salt)
        .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[length];
    generator.generateBytes(password, out);
    return out;
  }
}
