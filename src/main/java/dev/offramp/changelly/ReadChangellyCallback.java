package dev.offramp.changelly;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Sets the inbox variables of a verified Changelly callback (raw body bytes as the message body), the
 * webhook template's read step for Changelly: rawBody, eventId (the body's hash, {@link ChangellyCallbacks}),
 * eventType {@code order.callback}, dedupeKey (none), orderRef (Changelly's order id), headersJson
 * ({@code {}}) and webhookRefusal (null: a callback the reader refuses is a 400, never stored). It takes
 * variable {@code event} as {@link VerifyChangellyCallback} left it (read again only if absent).
 */
public final class ReadChangellyCallback implements Processor {

    private final ChangellyCallbacks callbacks;

    public ReadChangellyCallback(ChangellyCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        byte[] raw = exchange.getMessage().getBody(byte[].class);
        Map<String, Object> event = exchange.getVariable("event", Map.class);
        if (event == null) {
            event = callbacks.read(raw);
            exchange.setVariable("event", event);
        }
        exchange.setVariable("webhookRefusal", null);
        exchange.setVariable("rawBody", new String(raw, StandardCharsets.UTF_8));
        exchange.setVariable("eventId", event.get("event_id"));
        exchange.setVariable("eventType", "order.callback");
        exchange.setVariable("dedupeKey", null);
        exchange.setVariable("orderRef", event.get("order_id"));
        exchange.setVariable("headersJson", "{}");
    }
}
