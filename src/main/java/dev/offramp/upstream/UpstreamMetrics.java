package dev.offramp.upstream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Latency and outcome of every upstream attempt, as the Prometheus timer
 * {@code offramp_upstream_requests_seconds{upstream, method, endpoint, outcome}}. The endpoint is the
 * path with its ids replaced by {@code {id}} (a segment that is not a plain lower-case word or a
 * version such as {@code v1}), so the number of series stays bounded. The outcome is the status class
 * ({@code 2xx}, {@code 4xx}, {@code 5xx}) or the failure ({@code timeout}, {@code unreachable},
 * {@code circuit_open}): errors by endpoint are the series whose outcome is not {@code 2xx}.
 */
public final class UpstreamMetrics {

    private static final Pattern WORD = Pattern.compile("[a-z][a-z_-]*|v\\d+");

    private final Supplier<MeterRegistry> registry;

    /** @param registry looked up on use: the registry may be created after this bean */
    public UpstreamMetrics(Supplier<MeterRegistry> registry) {
        this.registry = registry;
    }

    /** The start of an attempt, to pass back to {@link #record}. */
    public long start() {
        return System.nanoTime();
    }

    /**
     * Records one attempt and answers the time spent in this upstream so far in the request
     * ({@code spentBefore}, null for none, plus this attempt), in nanoseconds: the offers answer reports
     * it in its Server-Timing header.
     */
    public long record(String upstream, String method, String path, Integer status, String transportError, long startNanos,
            Long spentBefore) {
        long elapsed = System.nanoTime() - startNanos;
        long spent = (spentBefore == null ? 0 : spentBefore) + elapsed;
        MeterRegistry r = registry.get();
        if (r == null) {
            return spent;
        }
        Timer.builder("offramp.upstream.requests")
                .description("calls to the upstream APIs, by endpoint and outcome")
                .tag("upstream", upstream)
                .tag("method", method == null ? "" : method)
                .tag("endpoint", endpoint(path))
                .tag("outcome", outcome(status, transportError))
                .register(r)
                .record(elapsed, TimeUnit.NANOSECONDS);
        return spent;
    }

    static String endpoint(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        StringBuilder template = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            template.append('/').append(WORD.matcher(segment).matches() ? segment : "{id}");
        }
        return template.length() == 0 ? "/" : template.toString();
    }

    static String outcome(Integer status, String transportError) {
        if (transportError != null) {
            return transportError;
        }
        if (status == null) {
            return "unknown";
        }
        return (status / 100) + "xx";
    }
}
