package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * One order through each upstream, end to end through the bundle's API and the simulators: what the
 * base-URL tests run to show that a base URL written the way a provider documents it reaches it.
 */
final class UpstreamSmoke {

    private final Bundle bundle;
    private final UnigoxPlaybook playbook;

    UpstreamSmoke(Bundle bundle) {
        this.bundle = bundle;
        this.playbook = new UnigoxPlaybook(bundle);
    }

    /** User, KYC, payout details, quote, order, one upstream step back through a signed webhook. */
    void unigoxOrder() throws Exception {
        HttpResponse<String> registered = bundle.send("POST", "/admin/unigox/webhooks/register", null, Bundle.ADMIN_KEY);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        Map<String, String> user = playbook.onboardedUser();
        JsonNode created = playbook.order(playbook.quote(user, "100"));
        String orderId = created.get("id").asText();
        assertThat(created.get("provider").asText()).isEqualTo("unigox");
        playbook.sim("POST", "/_sandbox/orders/" + created.get("provider_order_id").asText() + "/advance", "{}");
        awaitProviderStatus(orderId, "awaiting_crypto_transfer_authorization");
        JsonNode order = playbook.json(bundle.get("/api/v1/orders/" + orderId));
        assertThat(order.get("status").asText()).isEqualTo("awaiting_action");
    }

    /** Offers, a signed sell order, and its completion confirmed through verified callbacks. */
    void changellyOrder() throws Exception {
        HttpResponse<String> offers = bundle.get("/api/v1/offramp/offers?currency_from=ETH&currency_to=EUR&amount_from=0.1&country=IT");
        assertThat(offers.statusCode()).as(offers.body()).isEqualTo(200);
        assertThat(playbook.json(offers).get("offers").findValuesAsText("via")).contains("changelly");
        String userId = bundle.insertUser("changelly-" + java.util.UUID.randomUUID());
        HttpResponse<String> created = bundle.post("/api/v1/offramp/orders", "{\"provider\":\"changelly\",\"provider_code\":\"moonpay\","
                + "\"currency_from\":\"ETH\",\"currency_to\":\"EUR\",\"amount_from\":\"0.1\",\"country\":\"IT\","
                + "\"refund_address\":\"0x8cfbd31371e9bec8c82ae101e25bd9394c03a227\",\"user_id\":\"" + userId + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode order = playbook.json(created);
        String orderId = order.get("id").asText();
        String changellyId = order.get("provider_order_id").asText();
        bundle.changellySandbox("POST", "/_sandbox/orders/" + changellyId + "/advance", "{}");
        awaitProviderStatus(orderId, "pending");
        bundle.changellySandbox("POST", "/_sandbox/orders/" + changellyId + "/advance", "{}");
        awaitProviderStatus(orderId, "complete");
        assertThat(playbook.json(bundle.get("/api/v1/orders/" + orderId)).get("status").asText()).isEqualTo("completed");
    }

    private void awaitProviderStatus(String orderId, String providerStatus) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(bundle.orderRow(orderId).get("provider_status")).isEqualTo(providerStatus));
    }
}
