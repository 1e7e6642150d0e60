package org.chengxin.console;

import java.util.regex.Pattern;

/**
 * Where the console listens and how the browser reaches it: {@code basePath} is the prefix a reverse
 * proxy serves it under ("" when reached directly, else like {@code /review}); {@code secureCookies}
 * marks the cookies Secure when the proxy speaks HTTPS.
 */
record ConsoleSettings(String bindAddress, int port, String basePath, boolean secureCookies) {
  private static final Pattern BASE_PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)*");

  ConsoleSettings {
    if (!BASE_PATH.matcher(basePath).matches()) {
      throw new IllegalArgumentException("--base-path is empty or like /review (no trailing slash), got '" + basePath + "'");
    }
  }
}
