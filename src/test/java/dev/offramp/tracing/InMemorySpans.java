package dev.offramp.tracing;

import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Map;

/**
 * The tests' exporter: every span an autoconfigured SDK in this JVM ends, kept in memory (the SDK's
 * testing exporter). OpenTelemetry's autoconfiguration finds this provider on the test classpath
 * (META-INF/services), as it finds a vendor's extension in production; the OTLP exporter is switched off
 * the way a user would, with otel.traces.exporter=none (OTEL_TRACES_EXPORTER). Only a bundle started with
 * tracing on makes an SDK at all.
 */
public final class InMemorySpans implements AutoConfigurationCustomizerProvider {

    public static final InMemorySpanExporter EXPORTER = InMemorySpanExporter.create();

    @Override
    public void customize(AutoConfigurationCustomizer autoConfiguration) {
        autoConfiguration.addPropertiesSupplier(() -> Map.of("otel.traces.exporter", "none"));
        autoConfiguration.addTracerProviderCustomizer((builder, config) -> builder.addSpanProcessor(SimpleSpanProcessor.create(EXPORTER)));
    }
}
