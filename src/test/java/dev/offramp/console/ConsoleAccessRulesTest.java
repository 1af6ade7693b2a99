package dev.offramp.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offramp.http.ApiKeyVerifier;
import dev.offramp.http.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The inbound decision of {@link ConsoleAccess}, and the life of a console session, without a bundle. */
class ConsoleAccessRulesTest {

    final MovableClock clock = new MovableClock();
    final ConsoleSessions sessions = new ConsoleSessions(clock);
    final ConsoleAccess access = new ConsoleAccess(new ApiKeyVerifier("api"), new ApiKeyVerifier("admin"),
            new ApiKeyVerifier("viewer"), sessions);

    static String cookie(ConsoleSession s) {
        return ConsoleCookie.NAME + "=" + s.id();
    }

    static int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (ApiProblem p) {
            return p.getStatus();
        }
    }

    @Test
    void theKeyPathIsAsBeforeAndAViewerKeyOnlyReadsAdmin() {
        assertThat(access.check("GET", "/api/v1/orders", "api", null, null).kind()).isEqualTo("api");
        assertThat(access.check("POST", "/admin/reconciliation/run", "admin", null, null).kind()).isEqualTo("admin");
        assertThat(access.check("GET", "/admin/dead-letters", "viewer", null, null).kind()).isEqualTo("viewer");
        assertThat(status(() -> access.check("POST", "/admin/reconciliation/run", "viewer", null, null))).isEqualTo(403);
        assertThat(status(() -> access.check("GET", "/api/v1/orders", "admin", null, null))).isEqualTo(401);
        assertThat(status(() -> access.check("GET", "/api/v1/orders", "viewer", null, null))).isEqualTo(401);
        assertThat(status(() -> access.check("GET", "/admin/dead-letters", "api", null, null))).isEqualTo(401);
        assertThat(status(() -> access.check("GET", "/admin/dead-letters", null, null, null))).isEqualTo(401);
        assertThat(status(() -> access.check("POST", "/console/session", "api", null, null))).isEqualTo(401);
    }

    @Test
    void aSessionReadsAndChangesWithItsTokenOnlyAsAdmin() {
        ConsoleSession admin = sessions.open(ConsoleRole.ADMIN);
        ConsoleSession viewer = sessions.open(ConsoleRole.VIEWER);

        assertThat(access.check("GET", "/admin/dead-letters", null, cookie(admin), null).session().id()).isEqualTo(admin.id());
        assertThat(access.check("GET", "/api/v1/orders", null, cookie(viewer), null).kind()).isEqualTo("viewer");
        assertThat(access.check("GET", "/api/v1/orders/42", null, cookie(viewer), null).kind()).isEqualTo("viewer");
        assertThat(status(() -> access.check("GET", "/api/v1/orders/42/refund-authorization-parameters", null, cookie(admin), null)))
                .isEqualTo(401);
        assertThat(status(() -> access.check("GET", "/api/v1/events", null, cookie(admin), null))).isEqualTo(401);
        assertThat(status(() -> access.check("POST", "/admin/reconciliation/run", null, cookie(admin), null))).isEqualTo(403);
        assertThat(status(() -> access.check("POST", "/admin/reconciliation/run", null, cookie(admin), viewer.csrfToken())))
                .as("another session's token").isEqualTo(403);
        assertThat(access.check("POST", "/admin/reconciliation/run", null, cookie(admin), admin.csrfToken()).kind()).isEqualTo("admin");
        assertThatThrownBy(() -> access.check("POST", "/admin/reconciliation/run", null, cookie(viewer), viewer.csrfToken()))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.getCode()).isEqualTo("read_only"));
        assertThat(status(() -> access.check("GET", "/admin/dead-letters", null, ConsoleCookie.NAME + "=forged", null))).isEqualTo(401);
    }

    @Test
    void aSessionEndsWhenIdleAtItsAbsoluteEndAndOnSignOut() {
        ConsoleSession s = sessions.open(ConsoleRole.ADMIN);
        clock.move(ConsoleSessions.IDLE.minusMinutes(1));
        assertThat(sessions.find(s.id())).as("used within the idle timeout").isPresent();
        clock.move(ConsoleSessions.IDLE.minusMinutes(1));
        assertThat(sessions.find(s.id())).as("the idle timeout was renewed").isPresent();
        clock.move(ConsoleSessions.IDLE);
        assertThat(sessions.find(s.id())).as("idle too long").isEmpty();

        ConsoleSession busy = sessions.open(ConsoleRole.VIEWER);
        for (Duration d = Duration.ZERO; d.compareTo(ConsoleSessions.ABSOLUTE) < 0; d = d.plusMinutes(20)) {
            clock.move(Duration.ofMinutes(20));
            sessions.find(busy.id());
        }
        assertThat(sessions.find(busy.id())).as("past its absolute end, however busy").isEmpty();

        ConsoleSession closed = sessions.open(ConsoleRole.ADMIN);
        sessions.close(closed.id());
        assertThat(sessions.find(closed.id())).isEmpty();
        assertThat(sessions.size()).isZero();
    }

    @Test
    void theCookieCarriesOnlyTheIdWithItsProtections() {
        ConsoleSession s = sessions.open(ConsoleRole.ADMIN);
        assertThat(new ConsoleCookie(false).issue(s)).isEqualTo("offramp_console=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict");
        assertThat(new ConsoleCookie(true).issue(s)).endsWith("; Secure");
        assertThat(new ConsoleCookie(false).expire()).startsWith("offramp_console=; Max-Age=0;");
        assertThat(ConsoleCookie.sessionId("a=b; offramp_console=xyz; c=d")).isEqualTo("xyz");
        assertThat(ConsoleCookie.sessionId("offramp_consolex=1")).isNull();
        assertThat(ConsoleCookie.sessionId(null)).isNull();
        assertThat(s.id()).isNotEqualTo(s.csrfToken()).hasSize(43);
    }

    @Test
    void onlyTheConsolesOwnHeaderValuesPass() {
        assertThat(ConsoleResponseHeaders.allows("Cache-Control", "no-store", null)).isTrue();
        assertThat(ConsoleResponseHeaders.allows("cache-control", "public", null)).isFalse();
        assertThat(ConsoleResponseHeaders.allows("Set-Cookie", "a=b", null)).isFalse();
        assertThat(ConsoleResponseHeaders.allows("Set-Cookie", "a=b", "a=b")).isTrue();
        assertThat(ConsoleResponseHeaders.allows("Set-Cookie", "a=b", "c=d")).isFalse();
        assertThat(ConsoleResponseHeaders.allows("X-Foo", "nosniff", null)).isFalse();
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-04T10:00:00Z");

        void move(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
