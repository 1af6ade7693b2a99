package dev.offramp.events;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;

/**
 * An event's place in a trace. An event is written inside the trace of the change it reports (a webhook,
 * an API call, reconciliation) and delivered later by another thread: the W3C traceparent of the writer's
 * span is kept with the event (events.traceparent, V16), and each delivery attempt is a span
 * "event delivery" in that same trace, whose own traceparent goes to the receiver so the business's side
 * continues it. With tracing off the tracer is a no-op and nothing is kept or sent.
 */
public final class EventTrace {

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;

    public EventTrace(Tracer tracer) {
        this.tracer = tracer;
    }

    /** A delivery attempt's span, a child of the span that wrote the event (or a root when none was kept). */
    public Span startDelivery(String writtenIn, String eventId, String eventType, String destination) {
        Context parent = writtenIn == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of("traceparent", writtenIn), MAP);
        return tracer.spanBuilder("event delivery").setParent(parent).setSpanKind(SpanKind.PRODUCER)
                .setAttribute("offramp.event.id", eventId).setAttribute("offramp.event.type", eventType)
                .setAttribute("offramp.event.destination", destination).startSpan();
    }

    /** Ends a delivery attempt's span: an error unless the receiver took the event. */
    public static void endDelivery(Span span, String status, Integer httpStatus) {
        if (span == null) {
            return;
        }
        if (httpStatus != null) {
            span.setAttribute("http.response.status_code", httpStatus.longValue());
        }
        span.setAttribute("offramp.event.delivery.outcome", status);
        if (!"delivered".equals(status)) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    /** The W3C traceparent header of a span, or null when the span is not recorded (tracing off). */
    public static String traceparent(SpanContext context) {
        if (!context.isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(Span.wrap(context)), carrier, Map::put);
        return carrier.get("traceparent");
    }
}
