package dev.offramp.events;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The route step of events-order-status-changed: the events of one applied status change
 * ({@link Events#statusChanged}) as the body for events-write, from flat variables: order (the whole row
 * the status router decided on), decisionTo, canonicalStatus, orderVersion, decisionFrom and
 * statusSource. The row after the change is that row with its new status and version, so the database
 * is not read again. A processor rather than a Simple method call because it runs on every status change
 * (the hot path: README "Hot-path steps in Java").
 */
public final class WriteOrderEvents implements Processor {

    private final Events events;

    public WriteOrderEvents(Events events) {
        this.events = events;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        Map<String, Object> after = new HashMap<>((Map<String, Object>) exchange.getVariable("order", Map.class));
        after.put("provider_status", exchange.getVariable("decisionTo", String.class));
        after.put("status", exchange.getVariable("canonicalStatus", String.class));
        Object version = exchange.getVariable("orderVersion");
        after.put("version", version instanceof Number n ? n.longValue() + 1 : version);
        after.put("updated_at", Instant.now());
        exchange.getMessage().setBody(events.statusChanged(after,
                exchange.getVariable("decisionFrom", String.class), exchange.getVariable("statusSource", String.class)));
    }
}
