package dev.offramp.routes;

import dev.offramp.contract.OffRampApiContractExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 16, class 5: identifiers are checked at the edge, so characters PostgreSQL cannot store (U+0000,
 * lone surrogates) and characters that have no business in an id end in a 400 naming the parameter,
 * never a 500, and write nothing. A correctly signed webhook holding such an identifier is kept as an
 * open dead letter and acknowledged, so the upstream does not retry it forever unseen. Run on H2
 * ({@link IdentifiersAtTheEdgeTest}) and PostgreSQL ({@link PostgresIdentifiersAtTheEdgeTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OffRampApiContractExtension.class)
abstract class IdentifiersAtTheEdgeContract {

    static final ObjectMapper JSON = new ObjectMapper();

    @BeanInject
    CamelContext context;

    Bundle bundle;

    @BeforeEach
    void setUp() {
        bundle = new Bundle(context);
    }


    static JsonNode error(HttpResponse<String> r) throws Exception {
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(r.body()).startsWith("application/json");
        return JSON.readTree(r.body()).get("error");
    }

    @Test
    void aPathIdThatIsNoIdIsA400NamingIt() throws Exception {
        Map<String, Object> before = bundle.footprint();
        String longId = "a".repeat(500);
        for (String id : List.of("nobody", "%00", "a%00b", UUID.randomUUID() + "%00", longId, "%E2%80%AE" + UUID.randomUUID(),
                "x%27%20OR%201%3D1--")) {
            for (String path : List.of("/api/v1/orders/" + id, "/api/v1/users/" + id, "/api/v1/users/" + id + "/verification-status",
                    "/api/v1/users/" + id + "/payment-details", "/api/v1/orders/" + id + "/transfer-authorization-parameters")) {
                HttpResponse<String> r = bundle.get(path);
                assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(400);
                assertThat(error(r).get("field").asText()).as(path).isEqualTo("id");
                assertThat(error(r).get("code").asText()).isEqualTo("invalid_parameter");
            }
            HttpResponse<String> cancel = bundle.post("/api/v1/orders/" + id + "/cancel", null);
            assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(400);
            HttpResponse<String> details = bundle.post("/api/v1/users/" + id + "/payment-details",
                    "{\"currency\":\"EUR\",\"rail\":\"iban-sepa\",\"details\":{\"iban\":\"DE89370400440532013000\"}}");
            assertThat(details.statusCode()).as(details.body()).isEqualTo(400);
        }
        assertThat(bundle.footprint()).isEqualTo(before);
    }

    @Test
    void aWellFormedUnknownIdIsStillA404() throws Exception {
        String id = UUID.randomUUID().toString();
        for (String path : List.of("/api/v1/orders/" + id, "/api/v1/users/" + id, "/api/v1/users/" + id.toUpperCase())) {
            HttpResponse<String> r = bundle.get(path);
            assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(404);
            assertThat(error(r).get("code").asText()).isEqualTo("not_found");
        }
    }

    @Test
    void aUserRefThatIsNotPrintableIsA400NamingIt() throws Exception {
        Map<String, Object> before = bundle.footprint();
        // JSON escapes, as a client would send them: NUL, a lone surrogate, a bidi override, a tab, a line separator
        // (surrounding whitespace is trimmed by the body reader before the rule applies)
        for (String ref : List.of("a\\u0000b", "\\u0000", "a\\ud800b", "\\udc00", "abc\\u202egpj.exe", "a\\tb", "a\\u2028b",
                "x".repeat(201), "a\\u007fb", "a\\u0085b")) {
            HttpResponse<String> r = bundle.post("/api/v1/users", "{\"user_ref\":\"" + ref + "\",\"email\":\"a@example.com\"}");
            assertThat(r.statusCode()).as(ref + " " + r.body()).isEqualTo(400);
            assertThat(error(r).get("field").asText()).as(ref).isEqualTo("user_ref");
        }
        HttpResponse<String> email = bundle.post("/api/v1/users", "{\"user_ref\":\"ok-ref\",\"email\":\"a\\u0000@example.com\"}");
        assertThat(email.statusCode()).as(email.body()).isEqualTo(400);
        assertThat(error(email).get("field").asText()).isEqualTo("email");
        assertThat(bundle.footprint()).isEqualTo(before);
    }

    @Test
    void printableUserRefsInAnyScriptAreFine() throws Exception {
        for (String ref : List.of("Zoë Ünal-" + UUID.randomUUID(), "用户 " + UUID.randomUUID(), "emoji \uD83D\uDE00 " + UUID.randomUUID())) {
            HttpResponse<String> r = bundle.post("/api/v1/users", JSON.writeValueAsString(Map.of("user_ref", ref)));
            assertThat(r.statusCode()).as(ref + " " + r.body()).isEqualTo(201);
            assertThat(JSON.readTree(r.body()).get("user_ref").asText()).isEqualTo(ref);
        }
    }

    @Test
    void aSignedUnigoxWebhookWithANulInItsOrderIdBecomesAnOpenDeadLetter() throws Exception {
        String eventId = "evt-" + UUID.randomUUID();
        poisonIsKeptAsADeadLetter(("{\"event_id\":\"" + eventId + "\",\"event_type\":\"order.status.changed\",\"created_at\":\"2025-01-01T00:00:00Z\","
                + "\"data\":{\"order_id\":\"ord\\u0000" + UUID.randomUUID() + "\",\"status\":\"crypto_received\"}}").getBytes(StandardCharsets.UTF_8),
                "order_id");
    }

    @Test
    void aSignedUnigoxWebhookWithANulInItsEventIdBecomesAnOpenDeadLetter() throws Exception {
        poisonIsKeptAsADeadLetter(("{\"event_id\":\"evt\\u0000" + UUID.randomUUID() + "\",\"event_type\":\"order.status.changed\","
                + "\"created_at\":\"2025-01-01T00:00:00Z\",\"data\":{\"order_id\":\"ord-" + UUID.randomUUID() + "\",\"status\":\"crypto_received\"}}")
                .getBytes(StandardCharsets.UTF_8), "event_id");
    }

    @Test
    void aSignedUnigoxWebhookWithALoneSurrogateInItsStatusBecomesAnOpenDeadLetter() throws Exception {
        poisonIsKeptAsADeadLetter(("{\"event_id\":\"evt-" + UUID.randomUUID() + "\",\"event_type\":\"order.status.changed\","
                + "\"created_at\":\"2025-01-01T00:00:00Z\",\"data\":{\"order_id\":\"ord-" + UUID.randomUUID() + "\",\"status\":\"x\\ud800\"}}")
                .getBytes(StandardCharsets.UTF_8), "status");
    }

    /**
     * The poison delivery is answered 200 {"status":"dead_letter"} (Unigox has no reason to send it again),
     * stored unprocessed in the inbox, and listed as an open webhook dead letter naming the field; nothing
     * else is written. Its redelivery finds the same row and counts one more failure; a replay fails again.
     */
    void poisonIsKeptAsADeadLetter(byte[] body, String field) throws Exception {
        Map<String, Object> before = bundle.query("SELECT (SELECT COUNT(*) FROM orders) AS orders, "
                + "(SELECT COUNT(*) FROM order_timeline) AS timeline, (SELECT COUNT(*) FROM users) AS users").get(0);
        long inboxBefore = count("webhook_inbox");
        long lettersBefore = count("dead_letters");

        HttpResponse<String> r = unigoxWebhook(body);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("status").asText()).isEqualTo("dead_letter");
        assertThat(count("webhook_inbox")).isEqualTo(inboxBefore + 1);
        assertThat(count("dead_letters")).isEqualTo(lettersBefore + 1);
        Map<String, Object> inbox = bundle.query("SELECT * FROM webhook_inbox ORDER BY id DESC").get(0);
        assertThat(inbox.get("processed_at")).isNull();
        assertThat((String) inbox.get("event_id")).startsWith("invalid:");
        assertThat(inbox.get("order_ref")).isNull();
        long inboxId = ((Number) inbox.get("id")).longValue();
        JsonNode letter = letterOf(inboxId);
        assertThat(letter).as("listed under /admin/dead-letters").isNotNull();
        assertThat(letter.get("status").asText()).isEqualTo("open");
        assertThat(letter.get("provider").asText()).isEqualTo("unigox");
        assertThat(letter.get("reason").asText()).startsWith("invalid_field: " + field);
        assertThat(letter.get("failures").asInt()).isEqualTo(1);

        // Unigox sends it again anyway: the same row, one more failure, still acknowledged
        HttpResponse<String> again = unigoxWebhook(body);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(count("webhook_inbox")).isEqualTo(inboxBefore + 1);
        assertThat(letterOf(inboxId).get("failures").asInt()).isEqualTo(2);

        // an operator's replay fails again, and says why, without a 5xx
        HttpResponse<String> replay = bundle.send("POST", "/admin/dead-letters/" + letter.get("id").asLong() + "/replay", null, Bundle.ADMIN_KEY);
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(400);
        assertThat(error(replay).get("field").asText()).isEqualTo(field);
        assertThat(letterOf(inboxId).get("status").asText()).isEqualTo("open");

        assertThat(bundle.query("SELECT (SELECT COUNT(*) FROM orders) AS orders, "
                + "(SELECT COUNT(*) FROM order_timeline) AS timeline, (SELECT COUNT(*) FROM users) AS users").get(0)).isEqualTo(before);
    }

    @Test
    void aChangellyCallbackWhoseOrderIdIsNoIdentifierIsA400AndStoresNothing() throws Exception {
        Map<String, Object> before = bundle.footprint();
        HttpResponse<String> r = bundle.raw("POST", "/webhooks/changelly",
                "{\"orderId\":\"ord\\u0000x\",\"status\":\"complete\"}".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json", "x-callback-signature", "c2lnbmF0dXJl"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(error(r).get("field").asText()).isEqualTo("orderId");
        assertThat(bundle.footprint()).isEqualTo(before);
    }

    JsonNode letterOf(long inboxId) throws Exception {
        HttpResponse<String> list = bundle.send("GET", "/admin/dead-letters?kind=webhook&limit=200", null, Bundle.ADMIN_KEY);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        for (JsonNode d : JSON.readTree(list.body()).get("dead_letters")) {
            if (d.get("inbox_id").asLong() == inboxId) {
                return d;
            }
        }
        return null;
    }

    long count(String table) throws Exception {
        return ((Number) bundle.query("SELECT COUNT(*) AS n FROM " + table).get(0).get("n")).longValue();
    }

    HttpResponse<String> unigoxWebhook(byte[] body) throws Exception {
        long timestamp = System.currentTimeMillis() / 1000;
        return bundle.raw("POST", "/webhooks/unigox", body, Map.of("Content-Type", "application/json",
                "X-Unigox-Timestamp", Long.toString(timestamp),
                "X-Unigox-Signature", HmacSha256.header("sandbox-unigox-webhook-secret", timestamp, body)));
    }
}
