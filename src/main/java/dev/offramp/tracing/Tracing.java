package dev.offramp.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.Map;

/**
 * The OpenTelemetry the bundle traces with: none at all when tracing is off (a no-op: no SDK, no span
 * recorded, nothing exported), else the SDK as the standard OpenTelemetry variables configure it
 * (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME, OTEL_TRACES_SAMPLER, ... or their otel.* system
 * properties). Only traces are exported by default: the bundle's metrics are Prometheus's
 * (/observe/metrics) and its logs go to standard output, so OTel's own metrics and logs exporters default to
 * none; a variable set by the user wins over every default here. Every span leaves through a
 * {@link RedactingSpanExporter}; the polling timers' ticks are not recorded ({@link TimerTicksUntraced}).
 */
public final class Tracing implements AutoCloseable {

    static final Map<String, String> DEFAULTS = Map.of(
            "otel.service.name", "offramp-bundle",
            "otel.metrics.exporter", "none",
            "otel.logs.exporter", "none",
            // W3C trace context only: baggage a webhook sender set would otherwise ride along on our calls to
            // the other upstream and to the business's receiver
            "otel.propagators", "tracecontext");

    private final OpenTelemetry openTelemetry;
    private final OpenTelemetrySdk sdk;

    private Tracing(OpenTelemetry openTelemetry, OpenTelemetrySdk sdk) {
        this.openTelemetry = openTelemetry;
        this.sdk = sdk;
    }

    public static Tracing off() {
        return new Tracing(OpenTelemetry.noop(), null);
    }

    /** The SDK from the environment; not made global (tests and embedders may hold their own). */
    public static Tracing fromEnvironment() {
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> DEFAULTS)
                // whichever exporter the variables chose, it sends spans cleaned of queries and secrets
                .addSpanExporterCustomizer((exporter, config) -> new RedactingSpanExporter(exporter))
                // whichever sampler the variables chose, the polling timers' ticks are not recorded
                .addSamplerCustomizer((sampler, config) -> new TimerTicksUntraced(sampler))
                .disableShutdownHook()
                .build()
                .getOpenTelemetrySdk();
        return new Tracing(sdk, sdk);
    }

    public OpenTelemetry openTelemetry() {
        return openTelemetry;
    }

    public boolean on() {
        return sdk != null;
    }

    /** Exports what is still buffered and stops the exporters (when the bundle stops). */
    @Override
    public void close() {
        if (sdk != null) {
            sdk.close();
        }
    }
}
