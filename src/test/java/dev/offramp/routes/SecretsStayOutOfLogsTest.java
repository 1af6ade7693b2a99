package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invariant 7: the configured keys and secrets never appear in the logs, whatever happens. The bundle
 * runs as its own JVM with recognisable secrets of its own (a fresh RSA key pair included) and is
 * taken through a full flow of both upstreams, refusals included; then its whole output is searched. In
 * both log formats: with OFFRAMP_LOG_FORMAT=json every line is also checked to be one ECS JSON object
 * carrying the ids of what it is about ({@link JsonLines}).
 */
class SecretsStayOutOfLogsTest {

    static final int PORT = 18194;
    static final HttpClient HTTP = TestHttp.client(Duration.ofSeconds(5));

    @TempDir
    Path dir;

    String openssl(String... args) throws Exception {
        Process p = new ProcessBuilder(args).directory(dir.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    HttpResponse<String> call(String method, String path, String body, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (key != null) {
            b.header("X-API-Key", key);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Signs in to the console with {@code key}, reads and changes something with the session (the change
     * refused for a viewer, without a CSRF token, and done with it for an admin), signs out; answers the
     * session id and the CSRF token.
     */
    List<String> consoleSession(String key) throws Exception {
        HttpResponse<String> signIn = call("POST", "/console/session", null, key);
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(201);
        String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String csrf = field(signIn.body(), "csrf_token");
        for (String[] request : new String[][] {{"GET", "/admin/dead-letters", null}, {"GET", "/api/v1/orders", null},
            {"POST", "/admin/reconciliation/run", null}, {"POST", "/admin/reconciliation/run", csrf}, {"DELETE", "/console/session", csrf}}) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + request[1]))
                    .timeout(Duration.ofSeconds(30)).method(request[0], HttpRequest.BodyPublishers.noBody()).header("Cookie", cookie);
            if (request[2] != null) {
                b.header("X-CSRF-Token", request[2]);
            }
            HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
        return List.of(cookie.substring(cookie.indexOf('=') + 1), csrf);
    }

    static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"");
        return at < 0 ? null : json.substring(at + name.length() + 4, json.indexOf('"', at + name.length() + 4));
    }

    @ParameterizedTest(name = "OFFRAMP_LOG_FORMAT={0}")
    @ValueSource(strings = {"text", "json"})
    void noConfiguredSecretAppearsInTheOutputOfAFullRun(String format) throws Exception {
        openssl("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "private.pem");
        openssl("openssl", "pkey", "-in", "private.pem", "-pubout", "-out", "public.pem");
        String privateKey = Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve("private.pem")));
        String publicKey = Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve("public.pem")));

        Map<String, String> secrets = Map.of(
                "OFFRAMP_API_KEYS", "apikey-7f3a9c1e55d2",
                "OFFRAMP_ADMIN_KEYS", "adminkey-4b8e2d6f91aa",
                "OFFRAMP_VIEWER_KEYS", "viewerkey-6d2a8f3c40be",
                "UNIGOX_API_KEY", "unigoxkey-9d1c7e3b2f08",
                "UNIGOX_WEBHOOK_SECRETS", "whsec-2e6b9f4a1c7d",
                "CHANGELLY_API_KEY", "changellykey-5a3f8e1b6c92",
                "OFFRAMP_DB_PASSWORD", "dbpass-8c2e5a9f3b17");
        Map<String, String> env = new HashMap<>(secrets);
        env.put("OFFRAMP_HTTP_PORT", Integer.toString(PORT));
        env.put("OFFRAMP_MANAGEMENT_PORT", Integer.toString(PORT + 1000));
        env.put("OFFRAMP_DB_URL", "jdbc:h2:mem:secrets;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        env.put("OFFRAMP_DB_USER", "sa");
        env.put("SANDBOX_UNIGOX_WEBHOOK_SECRET", secrets.get("UNIGOX_WEBHOOK_SECRETS"));
        env.put("CHANGELLY_PRIVATE_KEY", privateKey);
        env.put("SANDBOX_CHANGELLY_REQUEST_PUBLIC_KEY", publicKey);
        env.put("SANDBOX_UNIGOX_STEP_SECONDS", "1");
        env.put("SANDBOX_CHANGELLY_STEP_SECONDS", "1");
        env.put("OFFRAMP_RECONCILE_CRON", "0/5 * * * * ?");
        env.put("LOG4J_ROOT_LEVEL", "DEBUG");
        env.put("OFFRAMP_LOG_FORMAT", format);

        String output;
        List<String> consoleTokens = new java.util.ArrayList<>();
        try (BundleProcess bundle = BundleProcess.start(env)) {
            String key = secrets.get("OFFRAMP_API_KEYS");
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> call("GET", "/api/v1/orders", null, key).statusCode() == 200);

            String user = call("POST", "/api/v1/users", "{\"user_ref\":\"s1\",\"email\":\"s1@example.com\"}", key).body();
            String userId = field(user, "id");
            call("POST", "/api/v1/users/" + userId + "/kyc-submissions",
                    "{\"method\":\"external_token\",\"data\":{\"provider\":\"sumsub\",\"token\":\"tok\"}}", key);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> call("GET", "/api/v1/users/" + userId + "/verification-status", null, key).body().contains("VERIFIED"));
            // the address EUR payouts need (else Unigox parks the order at pending_address); PII, never logged either
            call("PATCH", "/api/v1/users/" + userId + "/kyc", "{\"address\":\"1 Secret Lane\",\"city\":\"Berlin\",\"postal_code\":\"10117\"}", key);
            String pd = call("POST", "/api/v1/users/" + userId + "/payment-details",
                    "{\"currency\":\"EUR\",\"rail\":\"iban-sepa\",\"details\":{\"full_name\":\"S\",\"iban\":\"DE89370400440532013000\"}}", key).body();
            String quote = call("POST", "/api/v1/offramp/quote", "{\"user_id\":\"" + userId + "\",\"payment_details_id\":\"" + field(pd, "id")
                    + "\",\"crypto_currency\":\"USDT\",\"crypto_amount\":\"10\",\"fiat_currency\":\"EUR\"}", key).body();
            call("POST", "/api/v1/offramp/orders", "{\"provider\":\"unigox\",\"quote_id\":\"" + field(quote, "quote_id") + "\"}", key);
            call("GET", "/api/v1/offramp/offers?currency_from=USDT&currency_to=EUR&amount_from=100&country=DE", null, key);
            String order = call("POST", "/api/v1/offramp/orders", "{\"provider\":\"changelly\",\"provider_code\":\"moonpay\",\"currency_from\":\"ETH\","
                    + "\"currency_to\":\"EUR\",\"amount_from\":\"0.1\",\"country\":\"IT\",\"refund_address\":\"0x8cfbd31371e9bec8c82ae101e25bd9394c03a227\","
                    + "\"user_id\":\"" + userId + "\"}", key).body();
            assertThat(field(order, "redirect_url")).as(order).isNotNull();
            // refusals: wrong keys, a forged webhook, a bad body, an admin call
            call("GET", "/api/v1/orders", null, "wrong-" + key);
            call("POST", "/webhooks/unigox", "{\"event_id\":\"x\"}", null);
            call("POST", "/api/v1/users", "{not json", key);
            call("POST", "/admin/reconciliation/run", null, secrets.get("OFFRAMP_ADMIN_KEYS"));
            // the ops console: its sessions' ids and CSRF tokens are credentials too
            consoleTokens.addAll(consoleSession(secrets.get("OFFRAMP_VIEWER_KEYS")));
            consoleTokens.addAll(consoleSession(secrets.get("OFFRAMP_ADMIN_KEYS")));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> call("GET", "/api/v1/orders/" + field(order, "id"), null, key).body().contains("\"completed\""));
            output = bundle.output();
        }

        assertThat(output).contains("reconciliation run").contains("unigox webhook refused");
        if (format.equals("text")) {
            assertThat(output).as("one line per request")
                    .containsPattern("requests - POST /api/v1/offramp/orders -> 201 in \\d+ ms order=[0-9a-f-]{36} correlation=");
        } else {
            JsonLines.assertEveryLineIsEcsJsonWithItsIds(output);
        }
        assertThat(output).as("the address sent to PATCH kyc is PII").doesNotContain("Secret Lane");
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            assertThat(output).as(secret.getKey()).doesNotContain(secret.getValue());
        }
        assertThat(consoleTokens).hasSize(4);
        assertThat(output).contains("POST /admin/reconciliation/run -> 403").contains("DELETE /console/session -> 200");
        for (String token : consoleTokens) {
            assertThat(output).as("a console session id or CSRF token").doesNotContain(token);
        }
        for (String pem : List.of(privateKey, publicKey)) {
            for (int i = 0; i + 24 <= pem.length(); i += 24) {
                assertThat(output).as("a piece of a configured RSA key").doesNotContain(pem.substring(i, i + 24));
            }
        }
    }
}
