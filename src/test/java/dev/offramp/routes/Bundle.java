package dev.offramp.routes;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/** Test access to a booted bundle: its HTTP API, its direct: entry points and its database. */
final class Bundle {

    static final String API_KEY = "test-api-key";
    static final String ADMIN_KEY = "test-admin-key";
    /** A well-formed authorize-crypto-transfer body (the simulator does not check EIP-712 signatures). */
    static final String AUTHORIZATION = "{\"forward_request\":{\"from\":\"0x1\",\"to\":\"0x2\",\"value\":\"0\",\"gas\":\"500000\","
            + "\"nonce\":\"0\",\"deadline\":\"1900000000\",\"data\":\"0xa9059cbb\"},\"signature\":\"0xab\"}";

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final HttpClient HTTP = TestHttp.client(Duration.ofSeconds(5));

    private final CamelContext context;
    private final int port;
    private final int managementPort;

    Bundle(CamelContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.resolvePropertyPlaceholders("{{offramp.http-port}}"));
        this.managementPort = Integer.parseInt(context.resolvePropertyPlaceholders("{{offramp.management-port}}"));
    }

    /** A health answer of the management port (e.g. /observe/health/ready). */
    String health(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The Prometheus text of the management port's /observe/metrics. */
    String metrics() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/observe/metrics"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    HttpResponse<String> get(String path) throws Exception {
        return get(path, API_KEY);
    }

    HttpResponse<String> get(String path, String apiKey) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (apiKey != null) {
            b.header("X-API-Key", apiKey);
        }
        return exchange(b.build(), null);
    }

    /** POST with a JSON body and the API key. */
    HttpResponse<String> post(String path, String json) throws Exception {
        return send("POST", path, json, API_KEY);
    }

    HttpResponse<String> send(String method, String path, String json, String apiKey) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (apiKey != null) {
            b.header("X-API-Key", apiKey);
        }
        return exchange(b.build(), json == null ? null : json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A request to this bundle's HTTP port with the given headers (webhooks, sandbox controls). */
    HttpResponse<String> raw(String method, String path, byte[] body, java.util.Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return exchange(b.build(), body);
    }

    /**
     * Sends one request to the bundle and reports the exchange to {@link dev.offramp.contract.ApiTraffic}:
     * a test class with {@code OffRampApiContractExtension} has it checked against the bundle's own
     * OpenAPI in both directions.
     */
    private static HttpResponse<String> exchange(HttpRequest request, byte[] body) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        URI uri = request.uri();
        dev.offramp.contract.ApiTraffic.seen(new dev.offramp.contract.OffRampApiContract.Exchange(request.method(),
                uri.getRawPath(), uri.getRawQuery(), request.headers().map(), body,
                response.statusCode(), response.headers().map(), response.body()));
        return response;
    }

    /** A control or API call to the in-bundle Changelly simulator (no key needed); it must answer 2xx. */
    com.fasterxml.jackson.databind.JsonNode changellySandbox(String method, String path, String body) throws Exception {
        HttpResponse<String> r = raw(method, "/sandbox/changelly" + path,
                body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of("Content-Type", "application/json"));
        org.assertj.core.api.Assertions.assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
        return JSON.readTree(r.body());
    }

    /**
     * Row counts of every table a request can write, for "nothing half-written" checks: equal before and
     * after a refused request.
     */
    java.util.Map<String, Object> footprint() throws Exception {
        return query("SELECT (SELECT COUNT(*) FROM users) AS users, (SELECT COUNT(*) FROM orders) AS orders, "
                + "(SELECT COUNT(*) FROM order_timeline) AS timeline, (SELECT COUNT(*) FROM payment_details) AS details, "
                + "(SELECT COUNT(*) FROM unigox_quotes) AS quotes, (SELECT COUNT(*) FROM idempotency_keys) AS idem, "
                + "(SELECT COUNT(*) FROM webhook_inbox) AS inbox, (SELECT COUNT(*) FROM dead_letters) AS dead").get(0);
    }

    /** A local user row, for tests whose subject is not user onboarding. */
    String insertUser(String userRef) throws Exception {
        String id = UUID.randomUUID().toString();
        execute("INSERT INTO users (id, user_ref, email) VALUES (?, ?, ?)", id, userRef, userRef + "@example.com");
        return id;
    }

    /** Creates an order through the bundle's own creation route, as the API and webhooks will. */
    String createOrder(String provider, String providerStatus) {
        String orderId = UUID.randomUUID().toString();
        ProducerTemplate template = context.createProducerTemplate();
        // the new order as order-place hands it over, with an upstream id already (as if confirmed)
        Map<String, Object> placement = new java.util.HashMap<>();
        placement.put("order_id", orderId);
        placement.put("provider", provider);
        placement.put("provider_order_id", "up-" + orderId);
        placement.put("crypto_amount", new BigDecimal("100.500000"));
        placement.put("crypto_currency", "USDT");
        placement.put("fiat_amount", new BigDecimal("92.10"));
        placement.put("fiat_currency", "EUR");
        Exchange result = template.send("direct:order-create", ex -> {
            ex.setVariable("placement", placement);
            ex.setVariable("orderId", orderId);
            ex.setVariable("provider", provider);
            ex.setVariable("providerStatus", providerStatus);
            ex.setVariable("statusSource", "api");
            ex.setVariable("statusSourceRef", null);
        });
        if (result.getException() != null) {
            throw new AssertionError("order-create failed", result.getException());
        }
        return orderId;
    }

    /** Sends one status change through the status router; answers the exchange for its variables. */
    Exchange applyStatus(String orderId, String providerStatus, String source, String sourceRef) {
        ProducerTemplate template = context.createProducerTemplate();
        Exchange result = template.send("direct:order-status-apply", ex -> {
            ex.setVariable("orderId", orderId);
            ex.setVariable("providerStatus", providerStatus);
            ex.setVariable("statusSource", source);
            ex.setVariable("statusSourceRef", sourceRef);
        });
        if (result.getException() != null) {
            throw new AssertionError("order-status-apply failed", result.getException());
        }
        return result;
    }

    Map<String, Object> orderRow(String orderId) throws Exception {
        List<Map<String, Object>> rows = query("SELECT * FROM orders WHERE id = ?", orderId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    List<Map<String, Object>> timeline(String orderId) throws Exception {
        return query("SELECT * FROM order_timeline WHERE order_id = ? ORDER BY id", orderId);
    }

    List<Map<String, Object>> query(String sql, Object... params) throws Exception {
        DataSource ds = context.getRegistry().lookupByNameAndType("offrampDataSource", DataSource.class);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnLabel(i).toLowerCase(), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    void execute(String sql, Object... params) throws Exception {
        DataSource ds = context.getRegistry().lookupByNameAndType("offrampDataSource", DataSource.class);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }
}
