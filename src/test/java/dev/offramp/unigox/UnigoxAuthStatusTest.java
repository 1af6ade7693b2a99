package dev.offramp.unigox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

class UnigoxAuthStatusTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    final UnigoxAuthStatus status = new UnigoxAuthStatus(CLOCK);

    @Test
    void unknownUntilAskedThenTheLastAnswer() {
        assertThat(status.last().state()).isEqualTo("unknown");
        assertThat(status.last().checkedAt()).isNull();

        status.record(200, null);

        assertThat(status.last().state()).isEqualTo("authorized");
        assertThat(status.last().checkedAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void a401Or403IsUnauthorizedAndAnythingElseThatFailsIsUnreachable() {
        status.record(401, "HTTP 401 unauthorized");
        assertThat(status.last().state()).isEqualTo("unauthorized");
        status.record(403, "HTTP 403");
        assertThat(status.last().state()).isEqualTo("unauthorized");
        status.record(null, "timeout");
        assertThat(status.last().state()).isEqualTo("unreachable");
        status.record(503, "HTTP 503");
        assertThat(status.last().state()).isEqualTo("unreachable");
        status.record(200, "HTTP 200");
        assertThat(status.last().state()).as("a 200 whose body is not Unigox's envelope").isEqualTo("unreachable");
    }

    @Test
    void aLineOnlyWhenTheStateChanges() {
        String first = status.record(401, "HTTP 401 unauthorized");
        assertThat(first).contains("HTTP 401 unauthorized").contains("UNIGOX_API_KEY");
        assertThat(status.warns()).isTrue();
        assertThat(status.record(401, "HTTP 401 unauthorized")).as("the next interval, same answer").isNull();
        assertThat(status.record(200, null)).contains("accepted");
        assertThat(status.warns()).isFalse();
        assertThat(status.record(200, null)).isNull();
    }

    @Test
    void readinessIsDownOnlyWhenUnigoxRefusesTheKey() {
        UnigoxAuthHealthCheck check = new UnigoxAuthHealthCheck(status);
        check.setCamelContext(new DefaultCamelContext());
        assertThat(check.isLiveness()).isFalse();

        HealthCheck.Result unknown = check.call(new HashMap<>());
        assertThat(unknown.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(unknown.getDetails()).containsEntry("unigox", "unknown");

        status.record(401, "HTTP 401 unauthorized");
        HealthCheck.Result refused = check.call(new HashMap<>());
        assertThat(refused.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(refused.getMessage()).contains("unigox: unauthorized");
        assertThat(refused.getDetails()).containsEntry("unigox", "unauthorized");

        status.record(null, "unreachable");
        Map<String, Object> details = check.call(new HashMap<>()).getDetails();
        assertThat(check.call(new HashMap<>()).getState()).as("an outage every instance shares").isEqualTo(HealthCheck.State.UP);
        assertThat(details).containsEntry("unigox", "unreachable").containsKey("unigox.checked_at");
    }
}
