package dev.offramp.unigox;

import dev.offramp.http.Identifiers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Reads a verified Unigox delivery (raw body bytes as the message body) with {@link UnigoxWebhookEvents}
 * and sets one variable per field the inbox and the dispatch use: rawBody, eventId, eventType, dedupeKey,
 * orderRef (Unigox's order id, for the inbox), and, named as the steps that act on them read them,
 * providerOrderId and providerStatus (an order event), unigoxUserUuid, kycProviderStatus,
 * kycRejectionReasons and kycEventAt (a KYC event, kycEventAt its created_at); and headersJson (the delivery headers kept beside the body). A malformed event fails as the reader does
 * (400 naming the field).
 * <p>
 * A readable delivery whose identifiers break the rules ({@link UnigoxWebhookEvents.InvalidIdentifier},
 * e.g. a NUL in order_id, which PostgreSQL cannot store) does not fail here: it gets a stand-in event
 * id ({@code invalid:} and the SHA-256 of its bytes, so a redelivery finds the same row), no order or
 * dedupe key, and variable {@code webhookRefusal} holds the problem. The routes then keep it in the
 * inbox as a dead letter and acknowledge it, so Unigox does not retry a poison message forever.
 */
public final class ReadUnigoxWebhook implements Processor {

    private final UnigoxWebhookEvents events;

    public ReadUnigoxWebhook(UnigoxWebhookEvents events) {
        this.events = events;
    }

    @Override
    public void process(Exchange exchange) {
        byte[] raw = exchange.getMessage().getBody(byte[].class);
        Map<String, Object> event;
        try {
            event = events.read(raw);
            exchange.setVariable("webhookRefusal", null);
        } catch (UnigoxWebhookEvents.InvalidIdentifier refused) {
            event = new HashMap<>();
            event.put("event_id", "invalid:" + sha256(raw));
            exchange.setVariable("webhookRefusal", refused);
        }
        // kept whatever it holds: the one character PostgreSQL's text refuses is escaped (Identifiers.storable)
        exchange.setVariable("rawBody", Identifiers.storable(new String(raw, StandardCharsets.UTF_8)));
        exchange.setVariable("eventId", event.get("event_id"));
        exchange.setVariable("eventType", event.get("event_type"));
        exchange.setVariable("dedupeKey", event.get("dedupe_key"));
        exchange.setVariable("orderRef", event.get("order_id"));
        // named as the steps that act on them read them (the status router, users-record-kyc-status,
        // select-order-by-provider-id.sql), so the process route renames nothing on the way
        exchange.setVariable("providerOrderId", event.get("order_id"));
        exchange.setVariable("providerStatus", event.get("status"));
        exchange.setVariable("unigoxUserUuid", event.get("user_uuid"));
        exchange.setVariable("kycProviderStatus", event.get("kyc_status"));
        exchange.setVariable("kycRejectionReasons", event.get("rejection_reasons"));
        // an older KYC event than the one applied is not applied (users-record-kyc-status)
        exchange.setVariable("kycEventAt", event.get("created_at"));
        exchange.setVariable("headersJson", events.headersJson(
                exchange.getMessage().getHeader("X-Unigox-Timestamp", String.class),
                exchange.getMessage().getHeader("User-Agent", String.class)));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
