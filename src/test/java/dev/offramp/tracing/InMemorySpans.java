package dev.offramp.tracing;

import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.Map;

/**
 * The tests' exporter, chosen the way a user chooses one: {@code otel.traces.exporter=memory}
 * (OTEL_TRACES_EXPORTER), found by OpenTelemetry's autoconfiguration on the test classpath
 * (META-INF/services) as it finds a vendor's exporter in production. Spans reach it through the same
 * pipeline as OTLP's, the bundle's {@link RedactingSpanExporter} included, so what a test reads is what a
 * collector would get. The batch processor's delay is shortened so a test waits milliseconds, not seconds.
 */
public final class InMemorySpans implements ConfigurableSpanExporterProvider, AutoConfigurationCustomizerProvider {

    public static final InMemorySpanExporter EXPORTER = InMemorySpanExporter.create();

    @Override
    public String getName() {
        return "memory";
    }

    @Override
    public SpanExporter createExporter(ConfigProperties config) {
        // the SDK shuts its exporter down when a bundle stops; the tests' one outlives each bundle
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                return EXPORTER.export(spans);
            }

            @Override
            public CompletableResultCode flush() {
                return EXPORTER.flush();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
    }

    @Override
    public void customize(AutoConfigurationCustomizer autoConfiguration) {
        autoConfiguration.addPropertiesSupplier(() -> Map.of("otel.traces.exporter", "memory", "otel.bsp.schedule.delay", "20"));
    }
}
