package dev.offramp.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where events go, from configuration: the business's HTTP endpoint ({@code OFFRAMP_EVENTS_URL}, signed
 * with {@code OFFRAMP_EVENTS_SECRET}, optionally only some types with {@code OFFRAMP_EVENTS_TYPES}), and a
 * broker: any Camel endpoint URI ({@code OFFRAMP_EVENTS_BROKER_URI}, e.g. {@code amqp:queue:offramp.events},
 * only some types with {@code OFFRAMP_EVENTS_BROKER_TYPES}), which routes/events/events-to-broker sends to.
 * Either, both or none. Each destination's URL and signer live here, not in the database, which keeps only
 * whether it is enabled. Checked once at start-up: a bad URL or URI, or a URL without its secret, stops the
 * bundle naming the variable.
 */
public final class EventDestinations {

    public static final String DEFAULT = "default";
    public static final String BROKER = "broker";

    /** How a destination is sent to: http (Standard Webhooks POST) or broker (the events-to-broker route). */
    public enum Kind { HTTP, BROKER }

    record Destination(String name, Kind kind, String url, String eventTypes, StandardWebhookSigner signer) {
    }

    /** Credentials belong on the component's configuration, never in a URI the database and logs keep. */
    private static final Pattern SECRET_IN_URI = Pattern.compile("(?i)(password|passphrase|secret|token|key)=");

    private final Map<String, Destination> destinations = new LinkedHashMap<>();
    private final Clock clock;

    public EventDestinations(String url, String secret, String types, String brokerUri, String brokerTypes, Clock clock) {
        this.clock = clock;
        if (url != null && !url.isBlank()) {
            addHttp(url, secret, types);
        }
        if (brokerUri != null && !brokerUri.isBlank()) {
            addBroker(brokerUri.trim(), brokerTypes);
        }
    }

    private void addHttp(String url, String secret, String types) {
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
        String checkedTypes = types == null || types.isBlank() ? null : checkTypes("OFFRAMP_EVENTS_TYPES", types);
        destinations.put(DEFAULT, new Destination(DEFAULT, Kind.HTTP, uri.toString(), checkedTypes, new StandardWebhookSigner(secret)));
    }

    private void addBroker(String uri, String types) {
        int colon = uri.indexOf(':');
        String scheme = colon > 0 ? uri.substring(0, colon).toLowerCase(Locale.ROOT) : "";
        if (!scheme.matches("[a-z][a-z0-9+.-]*") || colon == uri.length() - 1) {
            throw new IllegalArgumentException("OFFRAMP_EVENTS_BROKER_URI must be a Camel endpoint URI such as amqp:queue:offramp.events");
        }
        if (scheme.startsWith("http") || scheme.equals("direct") || scheme.equals("seda")) {
            throw new IllegalArgumentException("OFFRAMP_EVENTS_BROKER_URI names a broker endpoint (amqp:, jms:, kafka:...); "
                    + "an HTTP receiver is OFFRAMP_EVENTS_URL");
        }
        if (SECRET_IN_URI.matcher(uri).find() || uri.contains("@")) {
            throw new IllegalArgumentException("OFFRAMP_EVENTS_BROKER_URI must not hold credentials: set them on the component "
                    + "(e.g. CAMEL_COMPONENT_AMQP_PASSWORD)");
        }
        String checkedTypes = types == null || types.isBlank() ? null : checkTypes("OFFRAMP_EVENTS_BROKER_TYPES", types);
        destinations.put(BROKER, new Destination(BROKER, Kind.BROKER, uri, checkedTypes, null));
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

    /** The destination's URL (http) or endpoint URI (broker). */
    public String url(String name) {
        return destination(name).url();
    }

    /** http or broker: which route sends to it (events-send-http or events-to-broker). */
    public String kind(String name) {
        return destination(name).kind().name().toLowerCase(Locale.ROOT);
    }

    private Destination destination(String name) {
        Destination d = destinations.get(name);
        if (d == null) {
            throw new IllegalStateException("events destination '" + name + "' is not configured");
        }
        return d;
    }

    /**
     * The Standard Webhooks headers of one attempt: webhook-id (the event's id, the same on every retry),
     * webhook-timestamp (now) and webhook-signature.
     */
    public Map<String, Object> headers(String name, String eventId, String body) {
        Destination d = destination(name);
        long now = clock.instant().getEpochSecond();
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("webhook-id", eventId);
        headers.put("webhook-timestamp", Long.toString(now));
        if (d.signer() != null) {
            headers.put("webhook-signature", d.signer().sign(eventId, now, body.getBytes(StandardCharsets.UTF_8)));
        }
        return headers;
    }

    private static String checkTypes(String variable, String types) {
        List<String> checked = new ArrayList<>();
        for (String t : types.split(",")) {
            String type = t.trim();
            if (!Events.TYPES.contains(type)) {
                throw new IllegalArgumentException(variable + ": '" + type + "' is not one of " + Events.TYPES);
            }
            checked.add(type);
        }
        return String.join(",", checked);
    }
}
