package dev.offramp.routing;

import dev.offramp.unigox.UnigoxWebhookEvents;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Reads a verified Unigox delivery (raw body bytes as the message body) with {@link UnigoxWebhookEvents}
 * and sets one variable per field the inbox and the dispatch use: rawBody, eventId, eventType, dedupeKey,
 * orderRef (Unigox's order id), eventStatus, eventUserUuid, eventKycStatus, eventRejectionReasons, and
 * headersJson (the delivery headers kept beside the body). A malformed event fails as the reader does
 * (400 naming the field).
 */
public final class ReadUnigoxWebhook implements Processor {

    private final UnigoxWebhookEvents events;

    public ReadUnigoxWebhook(UnigoxWebhookEvents events) {
        this.events = events;
    }

    @Override
    public void process(Exchange exchange) {
        byte[] raw = exchange.getMessage().getBody(byte[].class);
        Map<String, Object> event = events.read(raw);
        exchange.setVariable("rawBody", new String(raw, StandardCharsets.UTF_8));
        exchange.setVariable("eventId", event.get("event_id"));
        exchange.setVariable("eventType", event.get("event_type"));
        exchange.setVariable("dedupeKey", event.get("dedupe_key"));
        exchange.setVariable("orderRef", event.get("order_id"));
        exchange.setVariable("eventStatus", event.get("status"));
        exchange.setVariable("eventUserUuid", event.get("user_uuid"));
        exchange.setVariable("eventKycStatus", event.get("kyc_status"));
        exchange.setVariable("eventRejectionReasons", event.get("rejection_reasons"));
        exchange.setVariable("headersJson", events.headersJson(
                exchange.getMessage().getHeader("X-Unigox-Timestamp", String.class),
                exchange.getMessage().getHeader("User-Agent", String.class)));
    }
}
