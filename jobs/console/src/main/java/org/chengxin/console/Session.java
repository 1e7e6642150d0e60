package org.chengxin.console;

import java.time.Instant;
import org.chengxin.review.Account;

/** A logged-in account's session: the token its cookie carries, the CSRF token its forms carry, and when it was last used. */
record Session(String token, Account account, String csrfToken, Instant lastSeen) {}
