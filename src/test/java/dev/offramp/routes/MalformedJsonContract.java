package dev.offramp.routes;

import dev.offramp.contract.OffRampApiContractExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16, class 4: bodies at and past the JSON reader's limits — deep nesting, huge numbers and
 * exponents, trailing data, control and broken UTF-8 bytes, nothing at all, the wrong kind of value —
 * are a 400 invalid_json (or 413 for size) whose message names the problem, on the API and on both
 * webhooks (the Unigox one correctly signed, so the body is really read). Never a 500, nothing written.
 * Run on H2 ({@link MalformedJsonTest}) and PostgreSQL ({@link PostgresMalformedJsonTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OffRampApiContractExtension.class)
abstract class MalformedJsonContract {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String UNIGOX_WEBHOOK_SECRET = "sandbox-unigox-webhook-secret";

    @BeanInject
    CamelContext context;

    Bundle bundle;

    @BeforeEach
    void setUp() {
        bundle = new Bundle(context);
    }


    /** name, body bytes, expected status, a part of the message. */
    static Stream<Arguments> malformedBodies() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(body("nesting of [ 10,000 deep", "[".repeat(10_000), 400, "levels deep"));
        cases.add(body("nesting of {\"a\": 10,000 deep", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000), 400, "levels deep"));
        cases.add(body("a number of 100,000 digits", "{\"user_ref\":" + "7".repeat(100_000) + "}", 400, "more than 100 characters"));
        cases.add(body("an exponent of 20 digits", "{\"user_ref\":1e12345678901234567890}", 400, "out of range"));
        cases.add(body("a string of 10 MB", "{\"user_ref\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}", 413, "at most"));
        cases.add(body("trailing text", "{\"user_ref\":\"u\"} xyz", 400, "more after its JSON value"));
        cases.add(body("two objects", "{}{}", 400, "more after its JSON value"));
        cases.add(body("a raw NUL inside a string", "{\"user_ref\":\"a\u0000b\"}", 400, "not valid JSON"));
        cases.add(Arguments.of("invalid UTF-8", bytes('{', '"', 'u', '"', ':', '"', 0xC3, 0x28, '"', '}'), 400, "UTF-8"));
        cases.add(Arguments.of("an overlong UTF-8 slash", bytes('{', '"', 'u', '"', ':', '"', 0xC0, 0xAF, '"', '}'), 400, "UTF-8"));
        cases.add(body("an empty body", "", 400, "empty"));
        cases.add(body("an array for an object", "[{\"user_ref\":\"u\"}]", 400, "JSON object"));
        cases.add(body("a key twice", "{\"user_ref\":\"a\",\"user_ref\":\"b\"}", 400, "twice"));
        cases.add(body("not JSON at all", "user_ref=u", 400, "not valid JSON"));
        return cases.stream();
    }

    @ParameterizedTest(name = "API: {0}")
    @MethodSource("malformedBodies")
    void theApiAnswersA4xxNamingTheProblem(String name, byte[] body, int status, String message) throws Exception {
        for (String path : List.of("/api/v1/users", "/api/v1/offramp/orders")) {
            Map<String, Object> before = bundle.footprint();

            HttpResponse<String> r = bundle.raw("POST", path, body, Map.of("Content-Type", "application/json", "X-API-Key", Bundle.API_KEY));

            assertClearError(r, status, message);
            assertThat(bundle.footprint()).isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "Unigox webhook, signed: {0}")
    @MethodSource("malformedBodies")
    void aSignedButMalformedUnigoxWebhookIsA4xx(String name, byte[] body, int status, String message) throws Exception {
        Map<String, Object> before = bundle.footprint();
        long now = System.currentTimeMillis() / 1000;

        HttpResponse<String> r = bundle.raw("POST", "/webhooks/unigox", body, Map.of("Content-Type", "application/json",
                "X-Unigox-Timestamp", Long.toString(now), "X-Unigox-Signature", HmacSha256.header(UNIGOX_WEBHOOK_SECRET, now, body)));

        assertClearError(r, status, message);
        assertThat(bundle.footprint()).isEqualTo(before);
    }

    @ParameterizedTest(name = "Changelly callback: {0}")
    @MethodSource("malformedBodies")
    void aMalformedChangellyCallbackIsA4xx(String name, byte[] body, int status, String message) throws Exception {
        Map<String, Object> before = bundle.footprint();

        HttpResponse<String> r = bundle.raw("POST", "/webhooks/changelly", body, Map.of("Content-Type", "application/json",
                "x-callback-signature", "c2lnbmF0dXJl"));

        assertClearError(r, status, message);
        assertThat(bundle.footprint()).isEqualTo(before);
    }

    static void assertClearError(HttpResponse<String> r, int status, String message) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode error = JSON.readTree(r.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo(status == 413 ? "payload_too_large" : "invalid_json");
        assertThat(error.get("message").asText()).contains(message);
        // words for the sender: no exception text, no parser internals, no echo of what was sent
        assertThat(r.body()).doesNotContainIgnoringCase("exception").doesNotContain("Source:").doesNotContain("StreamReadConstraints")
                .doesNotContain("7777777777").doesNotContain("xxxxxxxxxx");
        assertThat(r.body().length()).isLessThan(1_000);
    }

    private static Arguments body(String name, String text, int status, String message) {
        return Arguments.of(name, text.getBytes(StandardCharsets.UTF_8), status, message);
    }

    private static byte[] bytes(int... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int v : values) {
            out.write(v);
        }
        return out.toByteArray();
    }
}
