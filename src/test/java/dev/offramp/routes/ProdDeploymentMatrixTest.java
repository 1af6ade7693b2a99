package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offramp.app.OffRampApplication;
import dev.offramp.contract.UnigoxContractExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment matrix in the prod profile: the bundle started as its own JVM exactly as ops start it
 * (CAMEL_MAIN_PROFILE=prod, no simulators of its own, settings only from environment variables), once
 * with Unigox only, once with Changelly only, once with both, and each runs its flow end to end through
 * its API. The upstreams are the simulators of an embedded bundle booted here, reached through base
 * URLs in the form the providers' docs give them (a host, a trailing slash).
 */
@ExtendWith(UnigoxContractExtension.class)
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18370", "offramp.management-port=19370",
            "offramp.db.url=jdbc:h2:mem:prod-matrix-upstreams;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "unigox.webhook.register-on-startup=false",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProdDeploymentMatrixTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = TestHttp.client(Duration.ofSeconds(5));
    static final String API_KEY = "prod-api-key-SECRET";
    static final String ADMIN_KEY = "prod-admin-key-SECRET";
    static final int PORT = 18371;
    static final int MANAGEMENT_PORT = 19371;
    static final String REFUND_ADDRESS = "0x8cfbd31371e9bec8c82ae101e25bd9394c03a227";

    @BeanInject
    CamelContext context;

    @TempDir
    Path dataDir;

    @Test
    void unigoxOnlyRunsThePlaybookToCompleted() throws Exception {
        try (BundleProcess bundle = start(false, true, "unigox-only")) {
            unigoxPlaybook();
            assertDisabled(send("GET", "/api/v1/countries", null), "changelly");
            assertThat(runReconciliation()).isEqualTo("completed");
        }
    }

    @Test
    void changellyOnlyPlacesAndCompletesAnOrder() throws Exception {
        try (BundleProcess bundle = start(true, false, "changelly-only")) {
            changellyOrderToCompleted();
            assertDisabled(send("POST", "/api/v1/offramp/quote", "{\"user_id\":\"x\"}"), "unigox");
            assertThat(runReconciliation()).isEqualTo("completed");
        }
    }

    @Test
    void bothUpstreamsWorkSideBySide() throws Exception {
        try (BundleProcess bundle = start(true, true, "both")) {
            changellyOrderToCompleted();
            unigoxPlaybook();
            assertThat(runReconciliation()).isEqualTo("completed");
        }
    }

    // --- the two flows, through the prod bundle's API only ------------------------------------------

    private void unigoxPlaybook() throws Exception {
        String ref = "prod-" + UUID.randomUUID();
        String userId = ok(send("POST", "/api/v1/users", "{\"user_ref\":\"" + ref + "\",\"email\":\"" + ref + "@example.com\"}"), 201).get("id").asText();
        // with the address EUR payouts need (without it Unigox parks the order at pending_address)
        ok(send("POST", "/api/v1/users/" + userId + "/kyc-submissions", UnigoxPlaybook.KYC_WITH_ADDRESS), 200);
        upload(userId, "identity_front");
        upload(userId, "selfie");
        String uuid = ok(send("GET", "/api/v1/users/" + userId, null), 200).get("accounts").get("unigox").get("user_uuid").asText();
        unigoxSim("POST", "/_sandbox/users/" + uuid + "/kyc/advance", "{}");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(ok(send("GET", "/api/v1/users/" + userId + "/verification-status", null), 200).get("status").asText()).isEqualTo("verified"));
        String details = ok(send("POST", "/api/v1/users/" + userId + "/payment-details",
                "{\"currency\":\"EUR\",\"rail\":\"iban-sepa\",\"details\":{\"full_name\":\"Ada Lovelace\",\"iban\":\"DE89370400440532013000\"}}"), 201).get("id").asText();
        String quoteId = ok(send("POST", "/api/v1/offramp/quote", "{\"user_id\":\"" + userId + "\",\"payment_details_id\":\"" + details
                + "\",\"crypto_currency\":\"USDT\",\"crypto_amount\":\"100\",\"fiat_currency\":\"EUR\"}"), 200).get("quote_id").asText();
        JsonNode order = ok(send("POST", "/api/v1/offramp/orders", "{\"provider\":\"unigox\",\"quote_id\":\"" + quoteId + "\"}"), 201);
        String id = order.get("id").asText();
        String unigoxId = order.get("provider_order_id").asText();

        // each step arrives as a signed webhook at the URL the prod bundle registered on start-up
        advance(unigoxId, id, "awaiting_crypto_transfer_authorization");
        ok(send("POST", "/api/v1/orders/" + id + "/authorize-crypto-transfer", Bundle.AUTHORIZATION), 200);
        for (String next : new String[] {"crypto_received", "fiat_payment_started", "fiat_payment_review_started", "awaiting_fiat_received_confirmation"}) {
            advance(unigoxId, id, next);
        }
        ok(send("POST", "/api/v1/orders/" + id + "/confirm-fiat-received", null), 200);
        advance(unigoxId, id, "crypto_release_pending");
        advance(unigoxId, id, "completed");
        assertThat(ok(send("GET", "/api/v1/orders/" + id, null), 200).get("status").asText()).isEqualTo("completed");
    }

    private void changellyOrderToCompleted() throws Exception {
        String ref = "prod-" + UUID.randomUUID();
        String userId = ok(send("POST", "/api/v1/users", "{\"user_ref\":\"" + ref + "\",\"email\":\"" + ref + "@example.com\"}"), 201).get("id").asText();
        assertThat(ok(send("GET", "/api/v1/countries", null), 200).findValuesAsText("code")).contains("IT");
        JsonNode order = ok(send("POST", "/api/v1/offramp/orders", "{\"provider\":\"changelly\",\"provider_code\":\"moonpay\",\"currency_from\":\"ETH\","
                + "\"currency_to\":\"EUR\",\"amount_from\":\"0.1\",\"country\":\"IT\",\"refund_address\":\"" + REFUND_ADDRESS + "\",\"user_id\":\"" + userId + "\"}"), 201);
        String changellyId = order.get("provider_order_id").asText();
        changellySim("/_sandbox/orders/" + changellyId + "/advance");
        changellySim("/_sandbox/orders/" + changellyId + "/advance");
        // the simulator's callbacks go to the embedded bundle: the prod bundle learns it by reconciliation
        runReconciliation();
        assertThat(ok(send("GET", "/api/v1/orders/" + order.get("id").asText(), null), 200).get("status").asText()).isEqualTo("completed");
    }

    // --- the prod process ----------------------------------------------------------------------------

    private BundleProcess start(boolean changelly, boolean unigox, String name) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("CAMEL_MAIN_PROFILE", "prod");
        env.put("OFFRAMP_HTTP_PORT", Integer.toString(PORT));
        env.put("OFFRAMP_MANAGEMENT_PORT", Integer.toString(MANAGEMENT_PORT));
        env.put("OFFRAMP_DB_URL", BundleProcess.shippedH2Url(dataDir.resolve(name)));
        env.put("OFFRAMP_DB_USER", "offramp");
        env.put("OFFRAMP_DB_PASSWORD", "db-password-SECRET");
        env.put("OFFRAMP_API_KEYS", API_KEY);
        env.put("OFFRAMP_ADMIN_KEYS", ADMIN_KEY);
        env.put("OFFRAMP_RECONCILE_ENABLED", "false");
        env.put("OFFRAMP_UNIGOX_ENABLED", Boolean.toString(unigox));
        env.put("OFFRAMP_CHANGELLY_ENABLED", Boolean.toString(changelly));
        if (unigox) {
            // the host, as the provider's docs give their servers; the bundle appends /api/v1/partner
            env.put("UNIGOX_BASE_URL", "http://localhost:18370/sandbox/unigox");
            env.put("UNIGOX_API_KEY", setting("unigox.api-key"));
            env.put("UNIGOX_WEBHOOK_SECRETS", setting("sandbox.unigox.webhook-secret"));
            env.put("UNIGOX_WEBHOOK_URL", "http://localhost:" + PORT + "/webhooks/unigox");
        }
        if (changelly) {
            env.put("CHANGELLY_BASE_URL", "http://localhost:18370/sandbox/changelly/");
            env.put("CHANGELLY_API_KEY", setting("changelly.api-key"));
            env.put("CHANGELLY_PRIVATE_KEY", setting("changelly.private-key"));
            env.put("CHANGELLY_CALLBACK_PUBLIC_KEYS", setting("changelly.callback-public-keys"));
        }
        BundleProcess process = BundleProcess.start(env);
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("the prod bundle stopped: " + process.output());
                }
                return ready();
            });
            if (unigox) {
                // the start-up registration runs on a timer: wait until the simulator sends to this bundle
                await().atMost(Duration.ofSeconds(20)).until(() ->
                        unigoxSim("GET", "/api/v1/partner/webhooks", null).toString().contains(":" + PORT + "/webhooks/unigox"));
            }
            return process;
        } catch (RuntimeException | Error e) {
            String out = process.output();
            process.close();
            throw new AssertionError("prod bundle (" + name + ") did not become ready:\n" + out, e);
        }
    }

    private String setting(String key) {
        return context.resolvePropertyPlaceholders("{{" + key + "}}");
    }

    private static boolean ready() {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + MANAGEMENT_PORT + "/observe/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(r, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (Exception notYet) {
            return false;
        }
    }

    // --- HTTP ------------------------------------------------------------------------------------------

    private static HttpResponse<String> send(String method, String path, String json) throws Exception {
        return send(method, path, json, path.startsWith("/admin") ? ADMIN_KEY : API_KEY);
    }

    private static HttpResponse<String> send(String method, String path, String json, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("X-API-Key", key);
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode ok(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    private static void assertDisabled(HttpResponse<String> r, String upstream) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
        assertThat(JSON.readTree(r.body()).get("error").get("code").asText()).isEqualTo("upstream_disabled");
        assertThat(r.body()).contains(upstream);
    }

    private static void upload(String userId, String type) throws Exception {
        String boundary = "prod-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"document_type\"\r\n\r\n" + type + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"" + type + ".png\"\r\n"
                + "Content-Type: image/png\r\n\r\nPNG-BYTES\r\n--" + boundary + "--\r\n";
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/api/v1/users/" + userId + "/kyc/documents"))
                .timeout(Duration.ofSeconds(30)).header("X-API-Key", API_KEY).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> answer = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private void advance(String unigoxId, String orderId, String expected) throws Exception {
        unigoxSim("POST", "/_sandbox/orders/" + unigoxId + "/advance", "{}");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(ok(send("GET", "/api/v1/orders/" + orderId, null), 200).get("provider_status").asText()).isEqualTo(expected));
    }

    private String runReconciliation() throws Exception {
        long runId = ok(send("POST", "/admin/reconciliation/run", null), 202).get("run_id").asLong();
        String[] status = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (JsonNode run : ok(send("GET", "/admin/reconciliation/runs?limit=5", null), 200).get("runs")) {
                if (run.get("id").asLong() == runId && !"running".equals(run.get("status").asText())) {
                    status[0] = run.get("status").asText();
                    return true;
                }
            }
            return false;
        });
        return status[0];
    }

    private static JsonNode unigoxSim(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:18370/sandbox/unigox" + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("X-API-Key", UnigoxPlaybook.SIM_KEY).header("Content-Type", "application/json");
        return ok(HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()), 200);
    }

    private static void changellySim(String path) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:18370/sandbox/changelly" + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}", StandardCharsets.UTF_8)).build();
        HttpResponse<String> answer = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 299);
    }
}
