package dev.offramp.upstream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The circuit breakers of the upstreams, one per upstream, kept in one resilience4j registry: the
 * routes' circuitBreaker steps use them by bean name ({@code <upstream>CircuitBreaker}), readiness
 * reports their states and Micrometer publishes their figures. Every state change is logged once.
 */
public final class UpstreamCircuits {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamCircuits.class);

    private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
    private final Map<String, CircuitBreaker> byUpstream = new LinkedHashMap<>();

    public CircuitBreaker add(String upstream, CircuitSettings settings) {
        CircuitBreaker breaker = registry.circuitBreaker(upstream, settings.toConfig());
        breaker.getEventPublisher().onStateTransition(e -> LOG.warn("{} circuit breaker: {} -> {}",
                upstream, e.getStateTransition().getFromState(), e.getStateTransition().getToState()));
        byUpstream.put(upstream, breaker);
        return breaker;
    }

    public CircuitBreakerRegistry registry() {
        return registry;
    }

    private final java.util.List<String> enabled;

    /** @param enabledUpstreams the upstreams this deployment uses: only their circuits are shown (a switched-off one's never moves) */
    public UpstreamCircuits(java.util.Collection<String> enabledUpstreams) {
        this.enabled = java.util.List.copyOf(enabledUpstreams);
    }

    /** The admin answer of GET /admin/upstreams/circuits: {"circuits": {upstream: state}}, enabled upstreams only. */
    public Map<String, Object> view() {
        Map<String, String> shown = new LinkedHashMap<>(states());
        shown.keySet().retainAll(enabled);
        return Map.of("circuits", shown);
    }

    /** Upstream name to state (CLOSED, OPEN, HALF_OPEN...), in the order they were added. */
    public Map<String, String> states() {
        Map<String, String> states = new LinkedHashMap<>();
        byUpstream.forEach((name, breaker) -> states.put(name, breaker.getState().name()));
        return states;
    }
}
