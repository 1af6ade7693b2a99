package dev.offramp.tracing;

import dev.offramp.logging.SecretValues;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What leaves the bundle in a trace, cleaned the way its logs are: a span goes to a collector that other
 * teams read, so it must not carry what the logs may not. Wraps whichever exporter the OTEL_* variables
 * chose (OTLP, logging, a vendor's):
 * <ul>
 * <li>URLs keep their path and lose their query string ({@code ?after=...} becomes {@code ?****}): a caller
 * may put anything there, a key included, and Camel records the whole URL of every HTTP request and
 * call;</li>
 * <li>every other text (span names, attribute values, event attributes such as an exception's message, the
 * status description) has each configured secret masked, as {@link SecretValues} does for log lines.</li>
 * </ul>
 */
public final class RedactingSpanExporter implements SpanExporter {

    /** Attributes that hold a whole URL (the old and the current HTTP semantic conventions, Camel's endpoint). */
    static final Set<String> URL_ATTRIBUTES = Set.of("http.url", "url.full", "url.query", "http.target", "camel.uri");

    private final SpanExporter delegate;

    public RedactingSpanExporter(SpanExporter delegate) {
        this.delegate = delegate;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        List<SpanData> redacted = new ArrayList<>(spans.size());
        for (SpanData span : spans) {
            redacted.add(new Redacted(span));
        }
        return delegate.export(redacted);
    }

    @Override
    public CompletableResultCode flush() {
        return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate.shutdown();
    }

    /** The URL without its query's values: {@code /a?b=c} becomes {@code /a?****}; a bare query becomes {@code ****}. */
    static String withoutQuery(String key, String url) {
        if (key.equals("url.query")) {
            return url.isEmpty() ? url : "****";
        }
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query + 1) + "****";
    }

    @SuppressWarnings("unchecked")
    static Attributes redact(Attributes attributes) {
        AttributesBuilder clean = Attributes.builder();
        attributes.forEach((key, value) -> {
            if (value instanceof String text) {
                String masked = SecretValues.mask(text);
                if (URL_ATTRIBUTES.contains(key.getKey())) {
                    masked = withoutQuery(key.getKey(), masked);
                }
                clean.put((AttributeKey<String>) key, masked);
            } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String) {
                clean.put((AttributeKey<List<String>>) key, ((List<String>) list).stream().map(SecretValues::mask).toList());
            } else {
                clean.put((AttributeKey<Object>) key, value);
            }
        });
        return clean.build();
    }

    private static final class Redacted extends DelegatingSpanData {

        private final String name;
        private final Attributes attributes;
        private final List<EventData> events;
        private final StatusData status;

        Redacted(SpanData span) {
            super(span);
            this.name = SecretValues.mask(span.getName());
            this.attributes = redact(span.getAttributes());
            this.events = span.getEvents().stream()
                    .map(e -> EventData.create(e.getEpochNanos(), SecretValues.mask(e.getName()), redact(e.getAttributes()), e.getTotalAttributeCount()))
                    .toList();
            StatusData original = span.getStatus();
            this.status = original.getDescription().isEmpty() ? original
                    : StatusData.create(original.getStatusCode(), SecretValues.mask(original.getDescription()));
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Attributes getAttributes() {
            return attributes;
        }

        @Override
        public List<EventData> getEvents() {
            return events;
        }

        @Override
        public StatusData getStatus() {
            return status;
        }
    }
}
