package dev.offramp.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UpstreamCircuitsTest {

    @Test
    void opensOnFailuresAndReportsEachUpstreamsState() {
        UpstreamCircuits circuits = new UpstreamCircuits(java.util.List.of("unigox", "changelly"));
        CircuitBreaker unigox = circuits.add("unigox", new CircuitSettings(50, 4, 4, 60_000, 1));
        circuits.add("changelly", new CircuitSettings(50, 4, 4, 60_000, 1));
        for (int i = 0; i < 4; i++) {
            unigox.onError(1, TimeUnit.MILLISECONDS, new UpstreamServerError(500, "", null));
        }
        assertThat(circuits.states()).containsExactly(
                java.util.Map.entry("unigox", "OPEN"), java.util.Map.entry("changelly", "CLOSED"));
        assertThat(unigox.tryAcquirePermission()).isFalse();
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new CircuitSettings(0, 10, 5, 1000, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CircuitSettings(50, 10, 5, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
