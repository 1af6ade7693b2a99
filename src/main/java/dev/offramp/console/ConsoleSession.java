package dev.offramp.console;

import java.time.Instant;

/**
 * One signed-in console: an opaque random id (only ever in the HttpOnly cookie), the role of the key that
 * signed in (the key itself is not kept), and the CSRF token the console's JavaScript sends on every
 * changing call.
 *
 * @param id the cookie's value
 * @param role what the key that signed in may do
 * @param csrfToken the value every changing call must carry in X-CSRF-Token
 * @param expiresAt when it ends unless used again before (idle timeout, bounded by an absolute end)
 * @param endsAt the absolute end, however busy the session is
 */
public record ConsoleSession(String id, ConsoleRole role, String csrfToken, Instant expiresAt, Instant endsAt) {
}
