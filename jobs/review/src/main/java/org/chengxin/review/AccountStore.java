package org.chengxin.review;

import static org.chengxin.review.QueueSql.checkReviewer;
import static org.chengxin.review.QueueSql.inTransaction;
import static org.chengxin.review.QueueSql.now;
import static org.chengxin.review.QueueSql.query;
import static org.chengxin.review.QueueSql.timestamp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chengxin.review.db.ReviewDatabase;

/**
 * The named accounts ({@code accounts}): created by an admin's command, checked at login. The
 * {@value #LOCK_AFTER}th wrong password in a row locks an account until an admin unlocks it, so a
 * password cannot be guessed online. Every login attempt and account change is audited in the same
 * transaction.
 */
public final class AccountStore {
  public static final int LOCK_AFTER = 10;
  private static final String COLUMNS = "name, role, failed_logins, locked_at IS NOT NULL AS locked";

  /** How a login attempt ended; the account only when the password was right and the account not locked. */
  public record Login(Optional<Account> account, AuditAction result) {}

  private final ReviewDatabase db;
  private final Clock clock;
  private final PasswordHash hashes;
  // Verified when the name is unknown, so a wrong name costs the same time as a wrong password; made
  // at the first unknown name (a store that only looks accounts up never pays for it).
  private volatile String decoy;

  public AccountStore(ReviewDatabase db, Clock clock, PasswordHash hashes) {
    this.db = db;
    this.clock = clock;
    this.hashes = hashes;
  }

  /** Creates account {@code name} with {@code role}; refused when the name is taken. */
  public Account create(String name, Role role, char[] password, Channel channel) throws SQLException {
    checkReviewer(name);
    String hash = hashes.hash(password);
    Instant now = now(clock);
    return inTransaction(db, c -> {
      if (find(c, name).isPresent()) {
        throw new ReviewException("there is already an account named " + name);
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO accounts (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)")) {
        insert.setString(1, name);
        insert.setString(2, role.wire());
        insert.setString(3, hash);
        insert.setObject(4, timestamp(now));
        insert.executeUpdate();
      }
      AuditLog.append(c, name, AuditAction.ACCOUNT_CREATED, null, "role " + role.wire(), channel, now);
      return new Account(name, role, 0, false);
    });
  }

  /**
   * Checks a login: the account when {@code password} is its password and it is not locked. A wrong
   * password counts towards the lock; a right one resets the count. A locked account stays locked
   * whatever password is given.
   */
  public Login login(String name, char[] password, Channel channel) throws SQLException {
    Instant now = now(clock);
    return inTransaction(db, c -> {
      Optional<StoredAccount> stored = lock(c, name);
      if (stored.isEmpty()) {
        hashes.verify(password, decoy());
        AuditLog.append(c, null, AuditAction.LOGIN_FAILED, null, "no such account", channel, now);
        return new Login(Optional.empty(), AuditAction.LOGIN_FAILED);
      }
      Account account = stored.get().account();
      if (account.locked()) {
        AuditLog.append(c, name, AuditAction.LOGIN_LOCKED, null, null, channel, now);
        return new Login(Optional.empty(), AuditAction.LOGIN_LOCKED);
      }
      if (hashes.verify(password, stored.get().hash())) {
        update(c, "UPDATE accounts SET failed_logins = 0 WHERE name = ?", name);
        AuditLog.append(c, name, AuditAction.LOGIN_OK, null, null, channel, now);
        return new Login(Optional.of(new Account(name, account.role(), 0, false)), AuditAction.LOGIN_OK);
      }
      int failed = account.failedLogins() + 1;
      try (PreparedStatement count = c.prepareStatement("UPDATE accounts SET failed_logins = ?, locked_at = ? WHERE name = ?")) {
        count.setInt(1, failed);
        count.setObject(2, failed >= LOCK_AFTER ? timestamp(now) : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        count.setString(3, name);
        count.executeUpdate();
      }
      AuditLog.append(c, name, AuditAction.LOGIN_FAILED, null, failed >= LOCK_AFTER ? "locked after " + failed + " wrong passwords"
          : "wrong password " + failed + " of " + LOCK_AFTER, channel, now);
      return new Login(Optional.empty(), AuditAction.LOGIN_FAILED);
    });
  }

  /** Unlocks a locked account and clears its count of wrong passwords (an admin's command: audited under the account unlocked). */
  public void unlock(String name, Channel channel) throws SQLException {
    Instant now = now(clock);
    inTransaction(db, c -> {
      if (lock(c, name).isEmpty()) {
        throw new ReviewException("there is no account named " + name);
      }
      update(c, "UPDATE accounts SET failed_logins = 0, locked_at = NULL WHERE name = ?", name);
      AuditLog.append(c, name, AuditAction.ACCOUNT_UNLOCKED, null, null, channel, now);
      return null;
    });
  }

  /**
   * The account {@code name} when it may work cases (a reviewer or a lead, not locked): what the
   * terminal queue's {@code --reviewer} must name. Refused with what to do otherwise.
   */
  public Account worker(String name) throws SQLException {
    Account account = find(name).orElseThrow(() -> new ReviewException("there is no account named " + name
        + ": an admin creates it with scripts/chengxin console-user add --name " + name + " --role reviewer"));
    if (!account.role().works()) {
      throw new ReviewException(name + " is an account of role " + account.role().wire() + ", which does not work cases");
    }
    if (account.locked()) {
      throw new ReviewException("the account " + name + " is locked: an admin unlocks it with scripts/chengxin console-user unlock");
    }
    return account;
  }

  public Optional<Account> find(String name) throws SQLException {
    try (Connection c = db.connection()) {
      return find(c, name);
    }
  }

  /** Every account, by name. */
  public List<Account> accounts() throws SQLException {
    return query(db, "SELECT " + COLUMNS + " FROM accounts ORDER BY name", AccountStore::read);
  }

  /** The account {@code name} on {@code c}, for checks inside another store's transaction. */
  static Optional<Account> find(Connection c, String name) throws SQLException {
    return query(c, "SELECT " + COLUMNS + " FROM accounts WHERE name = ?", AccountStore::read, name).stream().findFirst();
  }

  private String decoy() {
    if (decoy == null) {
      decoy = hashes.hash("decoy-password-never-matches".toCharArray());
    }
    return decoy;
  }

  private record StoredAccount(Account account, String hash) {}

  private static Optional<StoredAccount> lock(Connection c, String name) throws SQLException {
    return query(c, "SELECT " + COLUMNS + ", password_hash FROM accounts WHERE name = ? FOR UPDATE",
        rows -> new StoredAccount(read(rows), rows.getString("password_hash")), name).stream().findFirst();
  }

  private static void update(Connection c, String sql, String name) throws SQLException {
    try (PreparedStatement update = c.prepareStatement(sql)) {
      update.setString(1, name);
      update.executeUpdate();
    }
  }

  private static Account read(ResultSet rows) throws SQLException {
    return new Account(rows.getString("name"), Role.fromWire(rows.getString("role")), rows.getInt("failed_logins"),
        rows.getBoolean("locked"));
  }
}
