package dev.offramp.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offramp.logging.SecretValues;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A span as a collector receives it: URLs without their query's values, every configured secret masked. */
class RedactingSpanExporterTest {

    static final String SECRET = "whsec_redaction-test-secret-42";

    @Test
    void aSpanLeavesWithoutQueriesOrSecrets() {
        SecretValues.register(SECRET);
        InMemorySpanExporter collector = InMemorySpanExporter.create();
        SpanData out;
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(new RedactingSpanExporter(collector))).build()) {
            Tracer tracer = provider.get("test");
            Span span = tracer.spanBuilder("POST /x " + SECRET).startSpan();
            span.setAttribute("http.url", "http://127.0.0.1:8080/api/v1/events?after=abc&api_key=caller-typed-this");
            span.setAttribute("url.full", "https://partner.example/v1/orders?token=t0k3n");
            span.setAttribute("url.query", "token=t0k3n");
            span.setAttribute("camel.uri", "http://events-destination/hook?secret=" + SECRET);
            span.setAttribute("http.route", "/api/v1/events");
            span.setAttribute("note", "signed with " + SECRET);
            span.setAttribute(AttributeKey.stringArrayKey("list"), List.of("a", SECRET));
            span.setAttribute("http.status_code", 500L);
            span.recordException(new IllegalStateException("bad signature for " + SECRET));
            span.setStatus(StatusCode.ERROR, "refused " + SECRET);
            span.end();
            // read before the provider closes: closing the in-memory exporter empties it
            out = collector.getFinishedSpanItems().get(0);
        }
        Attributes attributes = out.getAttributes();
        assertThat(attributes.get(AttributeKey.stringKey("http.url"))).isEqualTo("http://127.0.0.1:8080/api/v1/events?****");
        assertThat(attributes.get(AttributeKey.stringKey("url.full"))).isEqualTo("https://partner.example/v1/orders?****");
        assertThat(attributes.get(AttributeKey.stringKey("url.query"))).isEqualTo("****");
        assertThat(attributes.get(AttributeKey.stringKey("camel.uri"))).isEqualTo("http://events-destination/hook?****");
        assertThat(attributes.get(AttributeKey.stringKey("http.route"))).isEqualTo("/api/v1/events");
        assertThat(attributes.get(AttributeKey.stringKey("note"))).isEqualTo("signed with ****");
        assertThat(attributes.get(AttributeKey.stringArrayKey("list"))).containsExactly("a", "****");
        assertThat(attributes.get(AttributeKey.longKey("http.status_code"))).isEqualTo(500L);
        assertThat(out.getName()).isEqualTo("POST /x ****");
        assertThat(out.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(out.getStatus().getDescription()).isEqualTo("refused ****");
        assertThat(out.getEvents()).hasSize(1);
        assertThat(out.getEvents().get(0).getAttributes().get(AttributeKey.stringKey("exception.message"))).isEqualTo("bad signature for ****");
        assertThat(out.getEvents().get(0).getAttributes().get(AttributeKey.stringKey("exception.type"))).isEqualTo("java.lang.IllegalStateException");
        assertThat(out.toString()).doesNotContain(SECRET).doesNotContain("caller-typed-this").doesNotContain("t0k3n");
    }

    @Test
    void aUrlWithoutAQueryIsKept() {
        assertThat(RedactingSpanExporter.withoutQuery("http.url", "http://h/a/b")).isEqualTo("http://h/a/b");
        assertThat(RedactingSpanExporter.withoutQuery("url.query", "")).isEmpty();
    }
}
