package org.chengxin.console;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.chengxin.review.Account;

/**
 * The console's sessions, in memory: a restart logs everyone out, which is the safe direction. A
 * session ends at logout or after {@link #IDLE} without a request. Tokens are 256 random bits.
 */
final class Sessions {
  static final Duration IDLE = Duration.ofMinutes(30);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Session> byToken = new ConcurrentHashMap<>();
  private final Clock clock;

  Sessions(Clock clock) {
    this.clock = clock;
  }

  Session open(Account account) {
    // Sessions left idle by browsers that never came back go here, so the map stays as small as the team.
    byToken.values().removeIf(this::idle);
    Session session = new Session(randomToken(), account, randomToken(), clock.instant());
    byToken.put(session.token(), session);
    return session;
  }

  /** The live session of {@code token}, its idle time restarted; empty when unknown or idle too long. */
  Optional<Session> find(String token) {
    if (token == null) {
      return Optional.empty();
    }
    Session session = byToken.get(token);
    if (session == null) {
      return Optional.empty();
    }
    if (idle(session)) {
      byToken.remove(token);
      return Optional.empty();
    }
    Session seen = new Session(session.token(), session.account(), session.csrfToken(), clock.instant());
    byToken.put(token, seen);
    return Optional.of(seen);
  }

  private boolean idle(Session session) {
    return session.lastSeen().plus(IDLE).isBefore(clock.instant());
  }

  void close(String token) {
    byToken.remove(token);
  }

  static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether a form's token is the expected one, compared in constant time. */
  static boolean sameToken(String expected, String given) {
    return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
