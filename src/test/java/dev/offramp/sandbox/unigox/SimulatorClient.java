package dev.offramp.sandbox.unigox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offramp.sandbox.SandboxRequest;
import dev.offramp.sandbox.SandboxResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Drives a simulator through {@link UnigoxSimulator#handle} exactly as the HTTP adapter would (paths
 * below the mount point, lower-case headers, raw bytes), plus the onboarding steps most tests need.
 */
final class SimulatorClient implements AutoCloseable {

    static final String KEY = "test-partner-key";
    static final String SECRET = "test-webhook-secret";
    static final String P = "/api/v1/partner";
    static final ObjectMapper JSON = new ObjectMapper();

    /** A parsed answer; {@code data()} is the success payload. */
    record Response(int status, JsonNode json) {

        JsonNode data() {
            return json.get("data");
        }

        /** No body at all. */
        boolean empty() {
            return json.isMissingNode();
        }

        /** The partner envelope's error object. */
        JsonNode error() {
            return json.get("error");
        }
    }

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    final UnigoxSimulator simulator;

    SimulatorClient() {
        this(0, 30);
    }

    SimulatorClient(long stepSeconds, long quoteTtlSeconds) {
        simulator = new UnigoxSimulator(new UnigoxSimulatorSettings(KEY, SECRET, stepSeconds, quoteTtlSeconds), clock);
    }

    Response send(String method, String path, String query, String apiKey, String contentType, byte[] body) {
        SandboxResponse response = raw(method, path, query, apiKey, contentType, body);
        if (response.body().isEmpty()) {
            // a 200 the OpenAPI documents without a body (the order actions)
            return new Response(response.status(), com.fasterxml.jackson.databind.node.MissingNode.getInstance());
        }
        assertThat(response.contentType()).isEqualTo("application/json");
        try {
            return new Response(response.status(), JSON.readTree(response.body()));
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** The simulator's answer as it is, for headers and bodies that are not JSON. */
    SandboxResponse raw(String method, String path, String query, String apiKey, String contentType, byte[] body) {
        Map<String, String> headers = new HashMap<>();
        if (apiKey != null) {
            headers.put("x-api-key", apiKey);
        }
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        return simulator.handle(new SandboxRequest(method, path, query, headers, body));
    }

    Response get(String path) {
        int q = path.indexOf('?');
        return q < 0 ? send("GET", path, "", KEY, null, null)
                : send("GET", path.substring(0, q), path.substring(q + 1), KEY, null, null);
    }

    Response post(String path, String json) {
        return send("POST", path, "", KEY, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Response patch(String path, String json) {
        return send("PATCH", path, "", KEY, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Response post(String path) {
        return send("POST", path, "", KEY, null, null);
    }

    Response postMultipart(String path, String documentType, String fileName, String fileContentType, byte[] file) {
        String boundary = "----sim-test-boundary-7MA4YWxkTrZu0gW";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"document_type\"\r\n\r\n"
                + documentType + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"document\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + fileContentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("POST", path, "", KEY, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    /** A few bytes that look like a JPEG. */
    static byte[] jpeg() {
        return new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, '\r', '\n', '-', '-'};
    }

    String createUser(String ref) {
        Response created = post(P + "/users", "{\"user_ref\":\"" + ref + "\",\"email\":\"" + ref + "@example.com\"}");
        assertThat(created.status()).isIn(200, 201);
        return created.data().get("user_uuid").asText();
    }

    /** The street address EUR/AUD/GBP payouts need (else the order parks at pending_address). */
    static final String ADDRESS = "{\"address\":\"12 Baker Street\",\"city\":\"London\",\"postal_code\":\"NW1 6XE\"}";

    /**
     * A user whose KYC a reviewer set to VERIFIED through the control endpoint, with its address added by
     * PATCH kyc (the contract's address rule parks EUR orders of a user without one).
     */
    String createVerifiedUser(String ref) {
        String user = createVerifiedUserWithoutAddress(ref);
        assertThat(patch(P + "/users/" + user + "/kyc", ADDRESS).status()).isEqualTo(200);
        return user;
    }

    /** As {@link #createVerifiedUser}, without an address: its EUR/AUD/GBP orders park at pending_address. */
    String createVerifiedUserWithoutAddress(String ref) {
        String user = createUser(ref);
        assertThat(post("/_sandbox/users/" + user + "/kyc", "{\"kyc_status\":\"VERIFIED\"}").status()).isEqualTo(200);
        return user;
    }

    /** Payout details on the currency's rail in the simulator's reference data (SupportedRails). */
    long addPaymentDetails(String user, String currency) {
        String railAndDetails = switch (currency) {
            case "NGN" -> "\"rail\":\"nip-nigeria\",\"details\":{\"full_name\":\"Ada Lovelace\",\"account_number\":\"0123456789\"}";
            case "GBP" -> "\"rail\":\"faster-payments\",\"institution_id\":\"barclays\",\"details\":{\"full_name\":\"Ada Lovelace\","
                    + "\"account_number\":\"12345678\",\"sort_code\":\"123456\"}";
            case "BRL" -> "\"rail\":\"pix\",\"institution_id\":\"nubank\",\"details\":{\"full_name\":\"Ada Lovelace\",\"pix_key\":\"ada@example.com\"}";
            case "KES" -> "\"rail\":\"pesalink\",\"institution_id\":\"equity-bank\",\"details\":{\"full_name\":\"Ada Lovelace\",\"account_number\":\"0123456789\"}";
            case "USD" -> "\"rail\":\"ach\",\"institution_id\":\"chase\",\"details\":{\"full_name\":\"Ada Lovelace\","
                    + "\"account_number\":\"000123456789\",\"routing_number\":\"021000021\"}";
            default -> "\"rail\":\"iban-sepa\",\"details\":{\"full_name\":\"Ada Lovelace\",\"iban\":\"DE89370400440532013000\"}";
        };
        Response created = post(P + "/users/" + user + "/payment-details", "{\"currency\":\"" + currency + "\"," + railAndDetails + "}");
        assertThat(created.status()).isEqualTo(201);
        return Long.parseLong(created.data().get("payment_details_id").asText());
    }

    Response quote(String user, long paymentDetailsId, String cryptoAmount) {
        return post(P + "/offramp/quote", "{\"user_uuid\":\"" + user + "\",\"payment_details_id\":" + paymentDetailsId
                + ",\"crypto_currency\":\"USDT\",\"fiat_currency\":\"EUR\",\"crypto_amount\":\"" + cryptoAmount + "\"}");
    }

    Response initiate(String quoteId) {
        return post(P + "/offramp/initiate", "{\"quote_id\":\"" + quoteId + "\"}");
    }

    /** A verified user's new order at awaiting_liquidity_provider. */
    String openOrder(String ref) {
        String user = createVerifiedUser(ref);
        long details = addPaymentDetails(user, "EUR");
        String quoteId = quote(user, details, "100").data().get("quote_id").asText();
        Response initiated = initiate(quoteId);
        assertThat(initiated.status()).isEqualTo(201);
        return initiated.data().get("order_id").asText();
    }

    Response advance(String orderId) {
        return post("/_sandbox/orders/" + orderId + "/advance");
    }

    String status(String orderId) {
        return get(P + "/orders/" + orderId).data().get("status").asText();
    }

    static String authorizeBody() {
        return "{\"forward_request\":{\"from\":\"0x674b16054290b4f06D7Ba8e3Ac379E3B0a359a16\",\"to\":\"0x1111\","
                + "\"value\":\"0\",\"gas\":\"500000\",\"nonce\":\"0\",\"deadline\":\"1760000000\",\"data\":\"0xa9059cbb\"},"
                + "\"signature\":\"0xabc123\"}";
    }

    @Override
    public void close() {
        simulator.close();
    }
}
