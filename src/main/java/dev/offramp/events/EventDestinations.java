package dev.offramp.events;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where events go, from configuration: the business's HTTP endpoint ({@code OFFRAMP_EVENTS_URL}, signed
 * with {@code OFFRAMP_EVENTS_SECRET}, optionally only some types with {@code OFFRAMP_EVENTS_TYPES}), or
 * none. Each destination's URL and signer live here, not in the database, which keeps only whether it is
 * enabled. Checked once at start-up: a URL that is not absolute http(s), or one without its secret, stops
 * the bundle naming the variable.
 */
public final class EventDestinations {

    public static final String DEFAULT = "default";

    record Destination(String name, String url, String eventTypes, StandardWebhookSigner signer) {
    }

    private final Map<String, Destination> destinations = new LinkedHashMap<>();
    private final Clock clock;

    public EventDestinations(String url, String secret, String types, Clock clock) {
        this.clock = clock;
        if (url == null || url.isBlank()) {
            return;
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("OFFRAMP_EVENTS_URL is not a URL");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("OFFRAMP_EVENTS_URL must be an absolute http(s) URL without user info or fragment");
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("OFFRAMP_EVENTS_SECRET is required with OFFRAMP_EVENTS_URL (whsec_<base64>)");
        }
        String checkedTypes = types == null || types.isBlank() ? null : checkTypes(types);
        destinations.put(DEFAULT, new Destination(DEFAULT, uri.toString(), checkedTypes, new StandardWebhookSigner(secret)));
    }

    /** Rows for upsert-destination.sql / insert-destination.sql: name, url, event_types. */
    public List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Destination d : destinations.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", d.name());
            row.put("url", d.url());
            row.put("event_types", d.eventTypes());
            rows.add(row);
        }
        return rows;
    }

    /** The parameters of disable-unconfigured.sql: the configured names, and '' so the IN list is never empty. */
    public Map<String, Object> namesOrNone() {
        List<String> names = new ArrayList<>(destinations.keySet());
        names.add("");
        return Map.of("names", names);
    }

    public String url(String name) {
        Destination d = destinations.get(name);
        if (d == null) {
            throw new IllegalStateException("events destination '" + name + "' is not configured");
        }
        return d.url();
    }

    /**
     * The Standard Webhooks headers of one attempt: webhook-id (the event's id, the same on every retry),
     * webhook-timestamp (now) and webhook-signature.
     */
    public Map<String, Object> headers(String name, String eventId, String body) {
        Destination d = destinations.get(name);
        if (d == null) {
            throw new IllegalStateException("events destination '" + name + "' is not configured");
        }
        long now = clock.instant().getEpochSecond();
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("webhook-id", eventId);
        headers.put("webhook-timestamp", Long.toString(now));
        headers.put("webhook-signature", d.signer().sign(eventId, now, body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return headers;
    }

    private static String checkTypes(String types) {
        List<String> checked = new ArrayList<>();
        for (String t : types.split(",")) {
            String type = t.trim();
            if (!Events.TYPES.contains(type)) {
                throw new IllegalArgumentException("OFFRAMP_EVENTS_TYPES: '" + type + "' is not one of " + Events.TYPES);
            }
            checked.add(type);
        }
        return String.join(",", checked);
    }
}
