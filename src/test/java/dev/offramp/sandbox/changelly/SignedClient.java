package dev.offramp.sandbox.changelly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offramp.sandbox.SandboxRequest;
import dev.offramp.sandbox.SandboxResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Calls a simulator the way the bundle's Changelly client does: X-Api-Key plus X-Api-Signature over
 * {@code <base URL><path>?<query> + <body or {}>}, with the base URL the bundle is configured with.
 */
final class SignedClient {

    static final String BASE_URL = "http://localhost:" + SandboxKeys.HTTP_PORT + "/sandbox/changelly";
    static final ObjectMapper JSON = new ObjectMapper();

    private final ChangellySimulator simulator;
    private final PrivateKey privateKey;

    SignedClient(ChangellySimulator simulator) throws Exception {
        this.simulator = simulator;
        this.privateKey = SandboxKeys.clientPrivateKey();
    }

    /** A signed request for {@code pathAndQuery} (query still encoded, exactly as on the wire). */
    SandboxRequest signed(String method, String pathAndQuery, String body) {
        String signedBody = body == null || body.isEmpty() ? "{}" : body;
        return request(method, pathAndQuery, body, signature(BASE_URL + pathAndQuery + signedBody));
    }

    static SandboxRequest request(String method, String pathAndQuery, String body, String signature) {
        int q = pathAndQuery.indexOf('?');
        Map<String, String> headers = new HashMap<>();
        headers.put("x-api-key", SandboxKeys.apiKey());
        if (signature != null) {
            headers.put("x-api-signature", signature);
        }
        headers.put("content-type", "application/json");
        return new SandboxRequest(method, q < 0 ? pathAndQuery : pathAndQuery.substring(0, q),
                q < 0 ? "" : pathAndQuery.substring(q + 1), headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    String signature(String payload) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey);
            rsa.update(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    SandboxResponse get(String pathAndQuery) {
        return simulator.handle(signed("GET", pathAndQuery, null));
    }

    SandboxResponse post(String path, String body) {
        return simulator.handle(signed("POST", path, body));
    }

    SandboxResponse patch(String path, String body) {
        return simulator.handle(signed("PATCH", path, body));
    }

    /** A control endpoint: no signature needed. */
    SandboxResponse control(String method, String path, String body) {
        return simulator.handle(new SandboxRequest(method, path, "", Map.of(),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    }

    JsonNode getJson(String pathAndQuery) {
        return json(ok(get(pathAndQuery)));
    }

    JsonNode postJson(String path, String body) {
        return json(ok(post(path, body)));
    }

    /** Creates a sell order of 0.1 ETH to EUR in Italy and answers its orderId. */
    String createOrder(String externalOrderId) {
        return postJson("/v1/sell/orders", orderBody(externalOrderId, "user-1")).get("orderId").asText();
    }

    static String orderBody(String externalOrderId, String externalUserId) {
        return "{\"externalOrderId\":\"" + externalOrderId + "\",\"externalUserId\":\"" + externalUserId + "\","
                + "\"providerCode\":\"moonpay\",\"currencyFrom\":\"ETH\",\"currencyTo\":\"EUR\",\"amountFrom\":\"0.1\","
                + "\"country\":\"IT\",\"refundAddress\":\"0x8cfbd31371e9bec8c82ae101e25bd9394c03a227\"}";
    }

    JsonNode order(String orderId) {
        JsonNode orders = getJson("/v1/orders?orderId=" + orderId).get("orders");
        if (orders.size() != 1) {
            throw new AssertionError("expected one order " + orderId + ", got " + orders);
        }
        return orders.get(0);
    }

    static SandboxResponse ok(SandboxResponse response) {
        if (response.status() != 200) {
            throw new AssertionError("expected 200, got " + response.status() + ": " + response.body());
        }
        return response;
    }

    static JsonNode json(SandboxResponse response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
