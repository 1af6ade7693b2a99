package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offramp.app.OffRampApplication;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

/**
 * UNIGOX_RATE_LIMIT_PER_SECOND paces every attempt to Unigox through the upstream-exchange template: eight offers in
 * a row at a cap of 2 a second each make one Unigox estimate, all answered, and take at least three refills
 * of the cap (over 2 s; without a cap they take a fraction of that). Changelly, uncapped, is not held back.
 */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18183", "offramp.management-port=19183",
            "offramp.db.url=jdbc:h2:mem:rate-limit;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0",
            "unigox.webhook.register-on-startup=false", "unigox.verify-auth.interval-seconds=0",
            "unigox.rate-limit-per-second=2"
        })
class UpstreamRateLimitRouteTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String OFFERS = "/api/v1/offramp/offers?currency_from=USDT&currency_to=EUR&amount_from=100&country=DE";
    static final String ESTIMATE = "POST /api/v1/partner/offramp/estimate";

    @BeanInject
    CamelContext context;

    @Test
    void callsOverTheCapWaitForItAndAreAllAnswered() throws Exception {
        Bundle bundle = new Bundle(context);
        long before = estimates(bundle);
        long start = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> offers = bundle.send("GET", OFFERS, null, Bundle.API_KEY);
            assertThat(offers.statusCode()).as(offers.body()).isEqualTo(200);
            assertThat(offers.body()).contains("\"unigox\"");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(estimates(bundle) - before).as("one Unigox estimate per offers request").isEqualTo(8);
        assertThat(millis).as("8 calls at 2 a second: the partly gone first second, then three refills").isGreaterThanOrEqualTo(2000);
    }

    static long estimates(Bundle bundle) throws Exception {
        HttpResponse<String> stats = bundle.raw("GET", "/sandbox/unigox/_sandbox/stats", null, Map.of("X-API-Key", "sandbox-unigox-key"));
        assertThat(stats.statusCode()).as(new String(stats.body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(200);
        return JSON.readTree(stats.body()).path("data").path("calls").path(ESTIMATE).asLong();
    }
}
