package dev.offramp.events;

import io.opentelemetry.api.trace.Span;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The step of events-deliver-one after the send: what the answer means (variable attempt,
 * {@link DeliveryOutcomes#outcome}), the parameters of record-attempt.sql as the body
 * ({@link DeliveryOutcomes#record}), and for a delivered event its lag in ms (variable deliveryLagMs); the
 * message's headers cleared. A processor for the reason {@link PrepareEventAttempt} gives.
 */
public final class RecordEventAttempt implements org.apache.camel.Processor {

    private final DeliveryOutcomes outcomes;

    public RecordEventAttempt(DeliveryOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        Map<String, Object> delivery = exchange.getVariable("delivery", Map.class);
        Message message = exchange.getMessage();
        Boolean sent = exchange.getVariable("eventSent", Boolean.class);
        Map<String, Object> attempt = outcomes.outcome(exchange.getVariable("destinationKind", String.class),
                ((Number) delivery.get("attempts")).intValue(), message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class),
                message.getHeader("Retry-After", String.class), exchange.getVariable("eventTransportError", String.class),
                Boolean.TRUE.equals(sent));
        exchange.setVariable("attempt", attempt);
        EventTrace.endDelivery(exchange.getVariable("eventSpan", Span.class), (String) attempt.get("status"),
                message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class));
        exchange.removeVariable("eventSpan");
        exchange.setVariable("deliveryLagMs", "delivered".equals(attempt.get("status")) ? outcomes.lagMillis(delivery.get("created_at")) : null);
        message.getHeaders().clear();
        message.setBody(outcomes.record(delivery, attempt));
    }
}
