package dev.offramp.sandbox.unigox;

import static dev.offramp.sandbox.unigox.SimulatorClient.P;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offramp.sandbox.unigox.SimulatorClient.Response;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Quotes: TTL, single use, the sandbox expiry and price-change switches, and the KYC re-check. */
class QuoteLifecycleTest {

    private final SimulatorClient sim = new SimulatorClient();
    private String user;
    private long details;

    @BeforeEach
    void verifiedUserWithEuroPayout() {
        user = sim.createVerifiedUser("quoter");
        details = sim.addPaymentDetails(user, "EUR");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private String quoteId() {
        return sim.quote(user, details, "100").data().get("quote_id").asText();
    }

    @Test
    void aQuoteWorksUntilItsTtlHasPassed() {
        String early = quoteId();
        String late = quoteId();
        sim.clock.advance(Duration.ofSeconds(29));
        assertThat(sim.initiate(early).status()).isEqualTo(201);
        sim.clock.advance(Duration.ofSeconds(1));
        Response expired = sim.initiate(late);
        assertThat(expired.status()).isEqualTo(409);
        assertThat(expired.error().get("code").asText()).isEqualTo("QUOTE_EXPIRED");
        assertThat(expired.error().get("message").asText()).isEqualTo("Quote has expired, please request a new quote");
    }

    @Test
    void theTtlComesFromTheSettings() {
        try (SimulatorClient shortLived = new SimulatorClient(0, 5)) {
            String u = shortLived.createVerifiedUser("s");
            long d = shortLived.addPaymentDetails(u, "EUR");
            JsonNode quote = shortLived.quote(u, d, "10").data();
            assertThat(quote.get("expires_at").asText()).isEqualTo("2026-03-01T10:00:05Z");
        }
    }

    @Test
    void aQuoteWorksOnce() {
        String quote = quoteId();
        assertThat(sim.initiate(quote).status()).isEqualTo(201);
        Response reused = sim.initiate(quote);
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.error().get("code").asText()).isEqualTo("QUOTE_ALREADY_USED");
    }

    @Test
    void theSandboxExpiresAQuoteAtOnce() {
        String quote = quoteId();
        Response expire = sim.post("/_sandbox/quotes/" + quote + "/expire");
        assertThat(expire.status()).isEqualTo(200);
        assertThat(expire.data().get("expires_at").asText()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(sim.initiate(quote).error().get("code").asText()).isEqualTo("QUOTE_EXPIRED");
        assertThat(sim.post("/_sandbox/quotes/" + UUID.randomUUID() + "/expire").status()).isEqualTo(404);
    }

    @Test
    void anUnknownQuoteIsNotFound() {
        Response unknown = sim.initiate(UUID.randomUUID().toString());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error().get("code").asText()).isEqualTo("QUOTE_NOT_FOUND");
        assertThat(sim.post(P + "/offramp/initiate", "{}").error().get("code").asText()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void thePriceChangeSwitchHitsTheNextInitiateOnlyAndLeavesThatQuoteStale() {
        String quote = quoteId();
        assertThat(sim.post("/_sandbox/offramp/next-initiate-price-change").status()).isEqualTo(200);

        Response moved = sim.initiate(quote);
        assertThat(moved.status()).isEqualTo(409);
        JsonNode error = moved.error();
        assertThat(error.get("code").asText()).isEqualTo("PRICE_CHANGED_REQUOTE");
        assertThat(error.get("details").get("quoted_rate").decimalValue()).isEqualByComparingTo("0.92");
        assertThat(error.get("details").get("current_rate").decimalValue()).isEqualByComparingTo("0.9292");
        // 98.522167 sold at 0.9292 instead of 0.92: 91.546797... against 90.64
        assertThat(error.get("details").get("fiat_difference").decimalValue()).isEqualByComparingTo("0.91");

        assertThat(sim.initiate(quote).error().get("code").asText()).isEqualTo("PRICE_CHANGED_REQUOTE");
        assertThat(sim.initiate(quoteId()).status()).isEqualTo(201);
    }

    @Test
    void initiateChecksKycAgainAndLeavesTheQuoteUsable() {
        String quote = quoteId();
        sim.post("/_sandbox/users/" + user + "/kyc", "{\"kyc_status\":\"UNDER_REVIEW\"}");
        Response held = sim.initiate(quote);
        assertThat(held.status()).isEqualTo(422);
        assertThat(held.error().get("details").get("kyc_status").asText()).isEqualTo("UNDER_REVIEW");

        sim.post("/_sandbox/users/" + user + "/kyc", "{\"kyc_status\":\"VERIFIED\"}");
        assertThat(sim.initiate(quote).status()).isEqualTo(201);
    }

    @Test
    void aFiatAnchoredQuoteCoversTheFiatAndMarkupComesOnTop() {
        Response quote = sim.post(P + "/offramp/quote", "{\"user_uuid\":\"" + user + "\",\"payment_details_id\":"
                + details + ",\"crypto_currency\":\"USDT\",\"fiat_currency\":\"EUR\",\"fiat_amount\":\"92\","
                + "\"partner_fee_pct\":\"1\"}");
        assertThat(quote.status()).isEqualTo(200);
        JsonNode data = quote.data();
        assertThat(data.get("anchor_type").asText()).isEqualTo("fiat");
        assertThat(data.get("fiat_amount").asText()).isEqualTo("92.00");
        assertThat(data.get("crypto_amount").asText()).isEqualTo("101.500000");
        assertThat(data.get("fee_breakdown").get("partner_fee").asText()).isEqualTo("1.000000");
        assertThat(data.get("fee_breakdown").get("partner_fee_pct").asInt()).isEqualTo(1);
        assertThat(data.get("fee_breakdown").get("total_fee").asText()).isEqualTo("2.500000");
    }

    @Test
    void wholeNumberFiatIsRequiredForIntegerMinorUnitCurrencies() {
        long naira = sim.addPaymentDetails(user, "NGN");
        String body = "{\"user_uuid\":\"" + user + "\",\"payment_details_id\":" + naira
                + ",\"crypto_currency\":\"USDT\",\"fiat_currency\":\"NGN\",\"fiat_amount\":\"%s\"}";
        Response fractional = sim.post(P + "/offramp/quote", body.formatted("15300.50"));
        assertThat(fractional.status()).isEqualTo(400);
        assertThat(fractional.error().get("message").asText())
                .isEqualTo("fiat_amount must be a whole number for integer-minor-unit currencies");
        assertThat(sim.post(P + "/offramp/quote", body.formatted("15300.00")).status()).isEqualTo(200);
    }
}
