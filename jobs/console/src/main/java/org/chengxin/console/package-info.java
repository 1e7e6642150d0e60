/**
 * The web console of the review queue ({@code scripts/console}): server-rendered pages on the
 * JDK's HTTP server, sessions in HttpOnly SameSite=Strict cookies, a CSRF token on every form, and
 * every action through the stores that audit it. See docs/console.md.
 */
package org.chengxin.console;
