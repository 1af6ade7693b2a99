package dev.offramp.events;

import io.opentelemetry.api.trace.Span;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The first step of events-deliver-one, one claimed delivery made ready to send: variables destinationKind
 * (http or broker), destinationUrl (the URL or endpoint URI), signed (the Standard Webhooks headers of this attempt, signed now), eventTransportError
 * and eventSent cleared; the message emptied of every header and given the event's exact stored body, and,
 * for an HTTP destination, the POST with its webhook-id, webhook-timestamp and webhook-signature headers.
 * A processor rather than Simple method calls because it runs for every event delivered, and the profile
 * of the delivery loop put about two fifths of its time in Simple's bean calls (README "Hot-path steps
 * in Java").
 */
public final class PrepareEventAttempt implements org.apache.camel.Processor {

    private final EventDestinations destinations;
    private final EventTrace trace;

    public PrepareEventAttempt(EventDestinations destinations, EventTrace trace) {
        this.destinations = destinations;
        this.trace = trace;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        Map<String, Object> delivery = exchange.getVariable("delivery", Map.class);
        String destination = (String) delivery.get("destination");
        String body = (String) delivery.get("body");
        String kind = destinations.kind(destination);
        String url = destinations.url(destination);
        Map<String, Object> signed = destinations.headers(destination, (String) delivery.get("id"), body);
        exchange.setVariable("destinationKind", kind);
        exchange.setVariable("destinationUrl", url);
        exchange.setVariable("signed", signed);
        exchange.setVariable("eventTransportError", null);
        exchange.setVariable("eventSent", false);
        // the attempt's span, in the trace that wrote the event (ended by RecordEventAttempt)
        Span span = trace.startDelivery((String) delivery.get("traceparent"), (String) delivery.get("id"),
                (String) delivery.get("type"), destination);
        exchange.setVariable("eventSpan", span);
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        message.setBody(body);
        if ("http".equals(kind)) {
            message.setHeader(Exchange.HTTP_METHOD, "POST");
            message.setHeader(Exchange.CONTENT_TYPE, "application/json");
            message.setHeader(Exchange.HTTP_URI, url);
            signed.forEach(message::setHeader);
            String traceparent = EventTrace.traceparent(span.getSpanContext());
            if (traceparent != null) {
                message.setHeader("traceparent", traceparent);
            }
        }
    }
}
