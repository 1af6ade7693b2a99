package dev.offramp.config;

import dev.offramp.camel.HttpMethodFromText;
import dev.offramp.status.Provider;
import dev.offramp.unigox.PrepareUnigoxRequest;
import dev.offramp.upstream.AwaitUpstreamRateLimit;
import dev.offramp.upstream.CircuitSettings;
import dev.offramp.upstream.FirstUseTlsStrategy;
import dev.offramp.upstream.RepeatSafeCalls;
import dev.offramp.upstream.RetryPolicy;
import dev.offramp.upstream.UpstreamBaseUrl;
import dev.offramp.upstream.UpstreamCircuits;
import dev.offramp.upstream.UpstreamCircuitsHealthCheck;
import dev.offramp.upstream.UpstreamFailures;
import dev.offramp.upstream.UpstreamMetrics;
import dev.offramp.upstream.UpstreamRateLimit;
import dev.offramp.upstream.UpstreamSwitches;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.SimpleEventNotifierSupport;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.core5.util.TimeValue;

/**
 * Binds what every upstream call goes through (routes unigox-exchange/-send, changelly-exchange/-send):
 * a retry policy and a circuit breaker per upstream, the repeat-safe Unigox calls, the failure
 * classification and the upstream metrics; and the readiness check of the circuits.
 */
public final class UpstreamBeans {

    /**
     * What a switched-off upstream's routes are built with in place of its base URL (which may then be
     * empty): a reserved name that never resolves (RFC 2606), though nothing is sent there anyway (the
     * exchange routes refuse a switched-off upstream first).
     */
    static final String SWITCHED_OFF_URL = "http://switched-off.invalid";

    private UpstreamBeans() {
    }

    /**
     * An upstream's base URL, checked: a bad one stops start-up with a message naming the variable
     * (UpstreamBaseUrl never quotes the value).
     */
    static UpstreamBaseUrl baseUrl(String variable, String value, String documentedPrefix) {
        try {
            return UpstreamBaseUrl.parse(variable, value, documentedPrefix);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Refusing to start: " + e.getMessage(), e);
        }
    }

    static void bind(CamelContext context, UpstreamSwitches switches) {
        PropertiesComponent props = context.getPropertiesComponent();
        var registry = context.getRegistry();
        Supplier<MeterRegistry> meters = () -> context.getRegistry().findSingleByType(MeterRegistry.class);
        UpstreamCircuits circuits = new UpstreamCircuits(switches.enabledUpstreams());
        for (String upstream : Provider.ids()) {
            registry.bind(upstream + "RetryPolicy", new RetryPolicy(
                    integer(props, upstream + ".retry.max-attempts"),
                    integer(props, upstream + ".retry.backoff-ms"),
                    integer(props, upstream + ".retry.max-backoff-ms"),
                    Clock.systemUTC()));
            registry.bind(upstream + "RateLimit", new AwaitUpstreamRateLimit(
                    UpstreamRateLimit.of(upstream, integer(props, upstream + ".rate-limit-per-second"))));
            registry.bind(upstream + "CircuitBreaker", circuits.add(upstream, new CircuitSettings(
                    integer(props, upstream + ".circuit.failure-rate-percent"),
                    integer(props, upstream + ".circuit.window-size"),
                    integer(props, upstream + ".circuit.minimum-calls"),
                    integer(props, upstream + ".circuit.open-ms"),
                    integer(props, upstream + ".circuit.half-open-calls"))));
        }
        registry.bind("upstreamCircuits", circuits);
        context.getTypeConverterRegistry().addTypeConverter(HttpMethods.class, String.class, new HttpMethodFromText());
        registry.bind("upstreamConnections", upstreamConnections(integer(props, "offramp.upstream.validate-idle-connection-ms")));
        RepeatSafeCalls unigoxRepeatSafeCalls = new RepeatSafeCalls(BundleConfiguration.setting(props, "unigox.retry.repeat-safe-posts"));
        registry.bind("unigoxRepeatSafeCalls", unigoxRepeatSafeCalls);
        registry.bind("prepareUnigoxRequest", new PrepareUnigoxRequest(unigoxRepeatSafeCalls));
        registry.bind("upstreamFailures", new UpstreamFailures());
        registry.bind("upstreamMetrics", new UpstreamMetrics(meters));
        // readiness lists only the upstreams this deployment uses (both breakers exist: the routes name them)
        registry.bind("upstreamCircuitsHealthCheck", new UpstreamCircuitsHealthCheck(circuits, switches.enabledUpstreams(),
                Boolean.parseBoolean(BundleConfiguration.setting(props, "offramp.health.open-circuit-unready"))));
        // the breakers' own figures (state, calls, failure rate) once the meter registry exists
        context.getManagementStrategy().addEventNotifier(new SimpleEventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                MeterRegistry r = meters.get();
                if (r != null) {
                    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuits.registry()).bindTo(r);
                }
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event.getType() == CamelEvent.Type.CamelContextStarted;
            }
        });
    }

    /**
     * The connection pool of every upstream call (camel.component.http.client-connection-manager). Sized as
     * camel-http's own (200, 20 per host), but a pooled connection is checked for staleness only after it has
     * been idle this long: the pool camel-http builds checks every connection on every call, a blocking read
     * of up to 1 ms each time (found in a JFR recording of the offers fan-out, session 3). 2 s was HttpClient
     * 4's default; a connection the upstream closes sooner than that after a call can still fail the next call.
     * HttpClient's default TLS set-up, made on the first https call rather than here (FirstUseTlsStrategy).
     */
    static HttpClientConnectionManager upstreamConnections(int validateIdleMs) {
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(200)
                .setMaxConnPerRoute(20)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setValidateAfterInactivity(TimeValue.ofMilliseconds(validateIdleMs))
                        .build())
                .setTlsSocketStrategy(FirstUseTlsStrategy.ofHttpClientDefault())
                .build();
    }

    private static int integer(PropertiesComponent props, String key) {
        String value = BundleConfiguration.setting(props, key);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Refusing to start: " + key + " must be a whole number, not '" + value + "'");
        }
    }
}
