package dev.offramp.routes;

import dev.offramp.contract.OffRampApiContractExtension;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offramp.app.OffRampApplication;
import dev.offramp.contract.UnigoxContractExtension;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a payout form needs, from Unigox's reference data through the bundle's API, and payout details
 * refused before Unigox is asked when their rail's required fields are missing.
 */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18179", "offramp.management-port=19179",
            "offramp.db.url=jdbc:h2:mem:payout-methods;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(UnigoxContractExtension.class)
@ExtendWith(OffRampApiContractExtension.class)
class PayoutMethodsTest {

    @BeanInject
    CamelContext context;

    Bundle bundle;
    UnigoxPlaybook playbook;

    @BeforeEach
    void setUp() {
        bundle = new Bundle(context);
        playbook = new UnigoxPlaybook(bundle);
    }

    @Test
    void theRailsOfACurrencyOrCountryComeWithTheFieldsTheyNeed() throws Exception {
        JsonNode eur = json(ok(bundle.get("/api/v1/payout-methods?currency=eur"), 200));
        assertThat(eur.get("currency").asText()).isEqualTo("EUR");
        JsonNode sepa = method(eur, "iban-sepa");
        assertThat(sepa.get("institution_required").asBoolean()).isFalse();
        assertThat(sepa.get("fields").findValuesAsText("key")).contains("full_name", "iban");
        assertThat(required(sepa)).contains("iban").doesNotContain("bic");

        JsonNode nigeria = json(ok(bundle.get("/api/v1/payout-methods?country=NG"), 200));
        assertThat(nigeria.get("methods").findValuesAsText("rail")).containsExactly("nip-nigeria");
        JsonNode brazil = json(ok(bundle.get("/api/v1/payout-methods?country=BR&currency=BRL"), 200));
        assertThat(method(brazil, "pix").get("institution_required").asBoolean()).isTrue();
        assertThat(json(ok(bundle.get("/api/v1/payout-methods?currency=JPY"), 200)).get("methods")).isEmpty();
    }

    @Test
    void theReferenceDataIsCachedSoAFormDoesNotAskUnigoxEachTime() throws Exception {
        playbook.sim("POST", "/_sandbox/stats/reset", "{}");
        ok(bundle.get("/api/v1/payout-methods?currency=KES&country=KE"), 200);
        assertThat(calls("GET /api/v1/supported/payment-rails")).isEqualTo(1);
        ok(bundle.get("/api/v1/payout-methods?currency=KES&country=KE"), 200);
        ok(bundle.get("/api/v1/payout-methods?country=KE&currency=kes"), 200);
        assertThat(calls("GET /api/v1/supported/payment-rails")).isEqualTo(1);
        ok(bundle.get("/api/v1/payout-currencies"), 200);
        int currencies = calls("GET /api/v1/supported/fiat-currencies");
        ok(bundle.get("/api/v1/payout-currencies"), 200);
        assertThat(calls("GET /api/v1/supported/fiat-currencies")).isEqualTo(currencies).isLessThanOrEqualTo(1);
    }

    int calls(String route) throws Exception {
        return playbook.sim("GET", "/_sandbox/stats", null).findValue("calls").path(route).asInt();
    }

    @Test
    void unigoxDownIsItsUpstreamErrorNeverCachedAndPayoutDetailsAreNotKept() throws Exception {
        ok(bundle.get("/api/v1/payout-methods?currency=EUR"), 200);
        String userId = json(ok(bundle.post("/api/v1/users", "{\"user_ref\":\"down-" + UUID.randomUUID() + "\",\"email\":\"d@example.com\"}"), 201))
                .get("id").asText();
        playbook.sim("POST", "/_sandbox/faults", "{\"path\":\"/api/v1/supported/payment-rails\",\"method\":\"GET\",\"status\":503,\"count\":1000}");
        try {
            HttpResponse<String> down = bundle.get("/api/v1/payout-methods?currency=USD");
            assertThat(down.statusCode()).as(down.body()).isEqualTo(502);
            assertThat(json(down).get("error").get("code").asText()).isEqualTo("upstream_error");
            assertThat(json(down).get("error").get("upstream").get("provider").asText()).isEqualTo("unigox");

            HttpResponse<String> refused = bundle.post("/api/v1/users/" + userId + "/payment-details",
                    "{\"currency\":\"USD\",\"rail\":\"ach\",\"institution_id\":\"chase\",\"details\":{\"full_name\":\"Ada\","
                            + "\"account_number\":\"123\",\"routing_number\":\"021000021\"}}");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(502);
            assertThat(bundle.query("SELECT COUNT(*) AS n FROM payment_details WHERE user_id = ?", userId).get(0).get("n"))
                    .isEqualTo(0L);
            assertThat(json(ok(bundle.get("/api/v1/users/" + userId), 200)).get("accounts").get("unigox").isNull()).isTrue();

            // what was read before the outage is still served from the cache
            assertThat(json(ok(bundle.get("/api/v1/payout-methods?currency=EUR"), 200)).get("methods")).isNotEmpty();
        } finally {
            playbook.sim("POST", "/_sandbox/faults/clear", "{}");
            // the failed attempts above must not leave the Unigox circuit open for the other tests
            context.getRegistry().lookupByNameAndType("unigoxCircuitBreaker",
                    io.github.resilience4j.circuitbreaker.CircuitBreaker.class).reset();
        }
        // the failure was not cached: Unigox back, the same query answers
        assertThat(method(json(ok(bundle.get("/api/v1/payout-methods?currency=USD"), 200)), "ach")
                .get("institution_required").asBoolean()).isTrue();
    }

    @Test
    void institutionsCurrenciesAndCorridors() throws Exception {
        JsonNode nubank = json(ok(bundle.get("/api/v1/payout-methods/pix/institutions?search=nu&limit=5"), 200));
        assertThat(nubank.get("institutions").findValuesAsText("id")).containsExactly("nubank");
        assertThat(nubank.get("pagination").get("limit").asInt()).isEqualTo(5);

        JsonNode currencies = json(ok(bundle.get("/api/v1/payout-currencies"), 200)).get("currencies");
        assertThat(currencies.findValuesAsText("code")).contains("EUR", "GBP", "NGN");
        JsonNode corridors = json(ok(bundle.get("/api/v1/payout-corridors"), 200)).get("corridors");
        assertThat(corridors.findValuesAsText("code")).contains("EUR");
        assertThat(corridors.get(0).get("offramp").get("supported").asBoolean()).isTrue();
    }

    @Test
    void badQueriesAre400sNamingTheParameter() throws Exception {
        assertRefused(bundle.get("/api/v1/payout-methods"), "currency");
        assertRefused(bundle.get("/api/v1/payout-methods?country=DEU"), "country");
        assertRefused(bundle.get("/api/v1/payout-methods?currency=E1R"), "currency");
        assertRefused(bundle.get("/api/v1/payout-methods/PIX!/institutions"), "rail");
        assertRefused(bundle.get("/api/v1/payout-methods/pix/institutions?limit=0"), "limit");
        assertRefused(bundle.get("/api/v1/payout-methods/pix/institutions?search=" + "x".repeat(101)), "search");
        assertThat(bundle.get("/api/v1/payout-methods?currency=EUR", null).statusCode()).isEqualTo(401);
    }

    @Test
    void payoutDetailsMissingARequiredFieldAreRefusedBeforeUnigoxIsAsked() throws Exception {
        String userId = json(ok(bundle.post("/api/v1/users", "{\"user_ref\":\"payout-" + UUID.randomUUID() + "\",\"email\":\"p@example.com\"}"), 201))
                .get("id").asText();
        String path = "/api/v1/users/" + userId + "/payment-details";

        assertRefused(bundle.post(path, "{\"currency\":\"EUR\",\"rail\":\"iban-sepa\",\"details\":{\"full_name\":\"Ada Lovelace\"}}"),
                "details.iban");
        assertRefused(bundle.post(path, "{\"currency\":\"EUR\",\"rail\":\"bank-transfer\",\"details\":{\"full_name\":\"Ada\"}}"), "rail");
        assertRefused(bundle.post(path, "{\"currency\":\"BRL\",\"rail\":\"pix\",\"details\":{\"full_name\":\"Ada\",\"pix_key\":\"k\"}}"),
                "institution_id");
        assertRefused(bundle.post(path, "{\"currency\":\"GBP\",\"rail\":\"faster-payments\",\"institution_id\":\"barclays\",\"details\":{\"full_name\":\"Ada\",\"account_number\":\"12345678\",\"sort_code\":\" \"}}"),
                "details.sort_code");
        // nothing half-written: no local payout details, and the user was not even linked to Unigox
        assertThat(bundle.query("SELECT COUNT(*) AS n FROM payment_details WHERE user_id = ?", userId).get(0).get("n"))
                .isEqualTo(0L);
        assertThat(json(ok(bundle.get("/api/v1/users/" + userId), 200)).get("accounts").get("unigox").isNull()).isTrue();

        assertRefused(bundle.post(path, "{\"currency\":\"GBP\",\"rail\":\"faster-payments\",\"details\":{\"full_name\":\"Ada\",\"account_number\":\"12345678\",\"sort_code\":\"123456\"}}"),
                "institution_id");
        ok(bundle.post(path, "{\"currency\":\"GBP\",\"rail\":\"faster-payments\",\"institution_id\":\"barclays\",\"details\":{\"full_name\":\"Ada\",\"account_number\":\"12345678\",\"sort_code\":\"123456\"}}"),
                201);
    }

    void assertRefused(HttpResponse<String> r, String field) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(json(r).get("error").get("field").asText()).as(r.body()).isEqualTo(field);
    }

    static java.util.List<String> required(JsonNode method) {
        java.util.List<String> keys = new java.util.ArrayList<>();
        method.get("fields").forEach(f -> {
            if (f.get("required").asBoolean()) {
                keys.add(f.get("key").asText());
            }
        });
        return keys;
    }

    static JsonNode method(JsonNode methods, String rail) {
        for (JsonNode m : methods.get("methods")) {
            if (rail.equals(m.get("rail").asText())) {
                return m;
            }
        }
        throw new AssertionError("no rail " + rail + " in " + methods);
    }

    JsonNode json(HttpResponse<String> r) throws Exception {
        return UnigoxPlaybook.JSON.readTree(r.body());
    }

    HttpResponse<String> ok(HttpResponse<String> r, int status) {
        return playbook.ok(r, status);
    }
}
