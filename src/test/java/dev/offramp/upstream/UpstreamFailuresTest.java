package dev.offramp.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.apache.camel.RuntimeExchangeException;
import org.junit.jupiter.api.Test;

class UpstreamFailuresTest {

    final UpstreamFailures failures = new UpstreamFailures();

    @Test
    void aServerErrorIsThrownWithItsAnswerAndOtherAnswersAreNot() {
        failures.raiseOnServerError(200, null, "{}");
        failures.raiseOnServerError(429, "3", "{}");
        failures.raiseOnServerError(null, null, null);
        assertThatThrownBy(() -> failures.raiseOnServerError(503, "7", "{\"error\":1}"))
                .isInstanceOfSatisfying(UpstreamServerError.class, e -> {
                    assertThat(e.getStatus()).isEqualTo(503);
                    assertThat(e.getRetryAfter()).isEqualTo("7");
                    assertThat(e.getBody()).isEqualTo("{\"error\":1}");
                });
    }

    @Test
    void failuresAreNamedThroughWrappers() {
        assertThat(failures.kind(null)).isEqualTo("circuit_open");
        assertThat(failures.kind(CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("x"))))
                .isEqualTo("circuit_open");
        assertThat(failures.kind(new RuntimeExchangeException("wrapped", null, new SocketTimeoutException("read timed out"))))
                .isEqualTo("timeout");
        assertThat(failures.kind(new ConnectException("refused"))).isEqualTo("unreachable");
        UpstreamServerError answer = new UpstreamServerError(500, "{}", null);
        assertThat(failures.kind(new RuntimeException(answer))).as("an answer, not a transport failure").isNull();
        assertThat(failures.serverError(new RuntimeException(answer))).isSameAs(answer);
        assertThat(failures.serverError(new ConnectException())).isNull();
    }

    @Test
    void aLocalFailureIsNotDisguisedAsAnUpstreamOne() {
        IllegalArgumentException bug = new IllegalArgumentException("bad uri");
        assertThatThrownBy(() -> failures.kind(bug)).isSameAs(bug);
    }
}
