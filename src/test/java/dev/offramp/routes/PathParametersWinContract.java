package dev.offramp.routes;

import dev.offramp.contract.OffRampApiContractExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 16, class 6: a query parameter never shadows a path parameter (GET /orders/{id}?id=other used
 * to reach the SQL as a list and answer 500), unknown query parameters are ignored, and a declared one
 * given twice is a 400 naming it. Run on H2 ({@link PathParametersWinTest}) and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OffRampApiContractExtension.class)
abstract class PathParametersWinContract {

    static final ObjectMapper JSON = new ObjectMapper();

    @BeanInject
    CamelContext context;

    Bundle bundle;
    String orderId;
    String userId;

    @BeforeEach
    void setUp() throws Exception {
        bundle = new Bundle(context);
        if (orderId == null) {
            orderId = bundle.createOrder("unigox", "created");
            userId = bundle.insertUser("path-wins-user");
        }
    }


    static JsonNode error(HttpResponse<String> r) throws Exception {
        JsonNode error = JSON.readTree(r.body()).get("error");
        assertThat(error).as(r.body()).isNotNull();
        assertThat(error.get("code").asText()).isNotBlank();
        assertThat(error.get("message").asText()).isNotBlank();
        return error;
    }

    @Test
    void thePathIdWinsOverAnIdInTheQuery() throws Exception {
        HttpResponse<String> r = bundle.get("/api/v1/orders/" + orderId + "?id=other&id=" + orderId + "x");
        // a repeated parameter is refused before anything is read
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(error(r).get("field").asText()).isEqualTo("id");

        r = bundle.get("/api/v1/orders/" + orderId + "?id=other");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("id").asText()).isEqualTo(orderId);

        // the query cannot reach an order the path does not name
        r = bundle.get("/api/v1/orders/00000000-0000-4000-8000-000000000000?id=" + orderId);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
        assertThat(error(r).get("code").asText()).isEqualTo("not_found");
    }

    @Test
    void everyOperationWithAPathIdIgnoresAnIdInTheQuery() throws Exception {
        Map<String, Object> before = bundle.footprint();
        List<String[]> operations = List.of(
                new String[] {"GET", "/api/v1/orders/{id}"},
                new String[] {"GET", "/api/v1/orders/{id}/transfer-authorization-parameters"},
                new String[] {"POST", "/api/v1/orders/{id}/authorize-crypto-transfer"},
                new String[] {"POST", "/api/v1/orders/{id}/confirm-fiat-received"},
                new String[] {"POST", "/api/v1/orders/{id}/cancel"},
                new String[] {"POST", "/api/v1/orders/{id}/sandbox/status"},
                new String[] {"POST", "/api/v1/orders/{id}/sandbox/resend-callback"},
                new String[] {"GET", "/api/v1/users/{id}"},
                new String[] {"GET", "/api/v1/users/{id}/verification-status"},
                new String[] {"GET", "/api/v1/users/{id}/payment-details"},
                new String[] {"POST", "/api/v1/users/{id}/payment-details"},
                new String[] {"POST", "/api/v1/users/{id}/kyc-submissions"},
                new String[] {"POST", "/api/v1/users/{id}/kyc/documents"},
                new String[] {"POST", "/api/v1/users/{id}/kyc/verify"},
                // a valid body, so the id is what is refused
                new String[] {"PATCH", "/api/v1/users/{id}/kyc", "{\"city\":\"Berlin\"}"},
                new String[] {"GET", "/admin/dead-letters/{id}"},
                new String[] {"POST", "/admin/dead-letters/{id}/replay"},
                new String[] {"POST", "/admin/webhooks/inbox/{id}/reprocess"});
        for (String[] op : operations) {
            String key = op[1].startsWith("/admin") ? Bundle.ADMIN_KEY : Bundle.API_KEY;
            String other = op[1].contains("/users/") ? userId : op[1].startsWith("/admin") ? "1" : orderId;
            // an unknown id in the path, a known one in the query: the path is what is looked up
            String path = op[1].replace("{id}", op[1].startsWith("/admin") ? "999999999" : "00000000-0000-4000-8000-000000000000") + "?id=" + other;
            HttpResponse<String> r = bundle.send(op[0], path, op.length > 2 ? op[2] : op[0].equals("POST") ? "{}" : null, key);
            assertThat(r.statusCode()).as(op[0] + " " + path + " -> " + r.body()).isBetween(400, 499).isNotEqualTo(401);
            error(r);
        }
        assertThat(bundle.footprint()).isEqualTo(before);
    }

    @Test
    void aListParameterGivenTwiceIsA400NamingIt() throws Exception {
        Map<String, Object> before = bundle.footprint();
        for (String[] c : List.of(
                new String[] {"/api/v1/orders?status=created&status=failed", "status", Bundle.API_KEY},
                new String[] {"/api/v1/orders?page=1&limit=5&page=2", "page", Bundle.API_KEY},
                new String[] {"/api/v1/orders?provider=unigox;provider=changelly", "provider", Bundle.API_KEY},
                new String[] {"/api/v1/currencies?type=crypto&type=fiat", "type", Bundle.API_KEY},
                new String[] {"/api/v1/offramp/offers?currency_from=USDT&currency_to=EUR&amount_from=100&country=DE&country=FR", "country", Bundle.API_KEY},
                new String[] {"/admin/dead-letters?kind=a&kind=b", "kind", Bundle.ADMIN_KEY},
                new String[] {"/admin/reconciliation/runs?limit=1&limit=2", "limit", Bundle.ADMIN_KEY})) {
            HttpResponse<String> r = bundle.get(c[0], c[2]);
            assertThat(r.statusCode()).as(c[0] + " -> " + r.body()).isEqualTo(400);
            assertThat(error(r).get("field").asText()).as(c[0]).isEqualTo(c[1]);
        }
        assertThat(bundle.footprint()).isEqualTo(before);
    }

    @Test
    void declaredQueryParametersStillFilterAndUnknownOnesAreIgnored() throws Exception {
        HttpResponse<String> r = bundle.get("/api/v1/orders?status=created&provider=unigox&limit=100&whatever=1");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode orders = JSON.readTree(r.body()).get("orders");
        assertThat(orders).isNotEmpty();
        orders.forEach(o -> assertThat(o.get("provider").asText()).isEqualTo("unigox"));
        assertThat(orders.findValuesAsText("id")).contains(orderId);

        r = bundle.get("/api/v1/orders?status=completed&provider=unigox");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("orders").findValuesAsText("id")).doesNotContain(orderId);

        r = bundle.get("/api/v1/orders?status=nonsense");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(error(r).get("field").asText()).isEqualTo("status");
    }
}
