package org.chengxin.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {
  private static final char[] PASSWORD = "correct horse battery".toCharArray();

  @Test
  void theDefaultHashIsArgon2idWithItsParametersAndVerifiesOnlyItsPassword() {
    PasswordHash hashes = new PasswordHash();
    String stored = hashes.hash(PASSWORD);

    assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), stored);
    assertFalse(stored.contains("correct horse"), "the password itself is never stored");
    assertTrue(hashes.verify(PASSWORD, stored));
    assertFalse(hashes.verify("correct horse battery!".toCharArray(), stored));
  }

  @Test
  void eachHashHasItsOwnSalt() {
    PasswordHash hashes = new PasswordHash(1024, 1);
    String first = hashes.hash(PASSWORD);
    String second = hashes.hash(PASSWORD);

    assertNotEquals(first, second);
    assertTrue(hashes.verify(PASSWORD, first) && hashes.verify(PASSWORD, second));
  }

  @Test
  void aHashVerifiesUnderTheParametersItCarriesNotTheVerifiersOwn() {
    String weak = new PasswordHash(1024, 1).hash(PASSWORD);

    assertTrue(new PasswordHash().verify(PASSWORD, weak), "stronger defaults later still verify older hashes");
  }

  @Test
  void aStoredValueThatIsNotArgon2idNeverVerifies() {
    PasswordHash hashes = new PasswordHash(1024, 1);

    assertFalse(hashes.verify(PASSWORD, "correct horse battery"));
    assertFalse(hashes.verify(PASSWORD, "$2a$10$abcdefghijklmnopqrstuv"));
  }

  @Test
  void shortPasswordsAreRefused() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> new PasswordHash(1024, 1).hash("short".toCharArray()));
    assertEquals("a password has 12 to 1024 characters, got 5", refused.getMessage());
  }
}
