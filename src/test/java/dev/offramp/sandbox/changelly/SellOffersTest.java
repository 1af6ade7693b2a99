package dev.offramp.sandbox.changelly;

import static dev.offramp.sandbox.changelly.ReferenceDataTest.find;
import static dev.offramp.sandbox.changelly.ReferenceDataTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offramp.sandbox.SandboxResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /v1/sell/offers: per-provider offers in the documented shape, and per-provider error entries. */
class SellOffersTest {

    private ChangellySimulator simulator;
    private SignedClient client;

    @BeforeEach
    void start() throws Exception {
        simulator = new ChangellySimulator(SandboxKeys.settings("", 0));
        client = new SignedClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void threeOffersAndOneProviderErrorForATypicalSale() {
        JsonNode offers = client.getJson("/v1/sell/offers?currencyFrom=ETH&currencyTo=EUR&amountFrom=0.1&country=IT");

        assertThat(texts(offers, "providerCode")).containsExactly("moonpay", "banxa", "mercuryo", "transak");
        for (String provider : List.of("moonpay", "banxa", "mercuryo")) {
            assertDocumentedOffer(find(offers, "providerCode", provider), "0.1");
        }
        JsonNode transak = find(offers, "providerCode", "transak");
        assertThat(transak.fieldNames()).toIterable().containsExactly("providerCode", "errorType", "errorMessage", "errorDetails");
        assertThat(transak.get("errorType").asText()).isEqualTo("limits");
        assertThat(transak.get("errorDetails").toString()).isEqualTo("[{\"cause\":\"min\",\"value\":\"3.33333334\"}]");
    }

    @Test
    void theMoonpayQuoteFollowsFromTheSandboxPrices() {
        JsonNode moonpay = find(client.getJson("/v1/sell/offers?currencyFrom=ETH&currencyTo=EUR&amountFrom=0.1&country=IT"),
                "providerCode", "moonpay");

        // 0.1 ETH = 300 USD = 277.77 EUR; SEPA: 1% + 1.38 EUR fee = 4.16 -> 273.61; card: 4.5% + 3.69 = 16.19 -> 261.58
        assertThat(find(moonpay.get("paymentMethodOffers"), "method", "sepa_bank_transfer").get("amountExpectedTo").asText())
                .isEqualTo("273.61");
        assertThat(find(moonpay.get("paymentMethodOffers"), "method", "card").get("fee").asText()).isEqualTo("16.19");
        assertThat(moonpay.get("amountExpectedTo").asText()).isEqualTo("273.61");
        assertThat(moonpay.get("rate").asText()).isEqualTo("2736.1");
        assertThat(moonpay.get("fee").asText()).isEqualTo("4.16");
    }

    @Test
    void aPaymentMethodFilterKeepsThatMethodAndRefusesProvidersWithoutIt() {
        JsonNode offers = client.getJson(
                "/v1/sell/offers?currencyFrom=ETH&currencyTo=EUR&amountFrom=0.1&country=IT&paymentMethodCode=sepa_bank_transfer");

        assertThat(texts(find(offers, "providerCode", "moonpay").get("paymentMethodOffers"), "method"))
                .containsExactly("sepa_bank_transfer");
        assertThat(find(offers, "providerCode", "mercuryo").get("errorType").asText()).isEqualTo("paymentMethod");
    }

    @Test
    void theUsNeedsAStateAndSomeProvidersDoNotServeIt() {
        JsonNode withoutState = client.getJson("/v1/sell/offers?currencyFrom=BTC&currencyTo=USD&amountFrom=0.01&country=US");
        assertThat(find(withoutState, "providerCode", "moonpay").get("errorType").asText()).isEqualTo("state");
        assertThat(find(withoutState, "providerCode", "banxa").get("errorType").asText()).isEqualTo("country");

        JsonNode withState = client.getJson("/v1/sell/offers?currencyFrom=BTC&currencyTo=USD&amountFrom=0.01&country=US&state=US-CA");
        assertDocumentedOffer(find(withState, "providerCode", "moonpay"), "0.01");
    }

    @Test
    void oneProviderOnly() {
        JsonNode offers = client.getJson("/v1/sell/offers?currencyFrom=USDT20&currencyTo=GBP&amountFrom=500&country=GB&providerCode=banxa");

        assertThat(texts(offers, "providerCode")).containsExactly("banxa");
        assertDocumentedOffer(offers.get(0), "500");
    }

    @Test
    void missingAndInvalidParametersAreOneValidationErrorNamingEach() {
        SandboxResponse response = client.get("/v1/sell/offers?currencyFrom=ETH&amountFrom=-1&country=Italy");

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = SignedClient.json(response);
        assertThat(error.get("errorType").asText()).isEqualTo("validation");
        assertThat(error.get("errorMessage").asText()).isEqualTo("Validation error");
        assertThat(texts(error.get("errorDetails"), "cause")).containsExactlyInAnyOrder("currencyTo", "amountFrom", "country");
    }

    @Test
    void aFiatAsPayInIsAnIncorrectCurrency() {
        SandboxResponse response = client.get("/v1/sell/offers?currencyFrom=EUR&currencyTo=ETH&amountFrom=100&country=IT");

        assertThat(response.status()).isEqualTo(400);
        assertThat(texts(SignedClient.json(response).get("errorDetails"), "cause")).containsExactly("currencyFrom", "currencyTo");
    }

    /** Every documented field, amounts as strings, and the top level summarising the methods. */
    private static void assertDocumentedOffer(JsonNode offer, String amountFrom) {
        assertThat(offer.fieldNames()).toIterable().containsExactly(
                "providerCode", "rate", "invertedRate", "fee", "amountFrom", "amountExpectedTo", "paymentMethodOffers");
        assertThat(offer.get("amountFrom").asText()).isEqualTo(amountFrom);
        List<BigDecimal> rates = new ArrayList<>();
        List<BigDecimal> fees = new ArrayList<>();
        List<BigDecimal> payouts = new ArrayList<>();
        assertThat(offer.get("paymentMethodOffers")).isNotEmpty();
        for (JsonNode method : offer.get("paymentMethodOffers")) {
            assertThat(method.fieldNames()).toIterable().containsExactlyInAnyOrder(
                    "amountExpectedTo", "method", "methodName", "rate", "invertedRate", "fee");
            method.forEach(value -> assertThat(value.isTextual()).as(method.toString()).isTrue());
            BigDecimal rate = new BigDecimal(method.get("rate").asText());
            BigDecimal payout = new BigDecimal(method.get("amountExpectedTo").asText());
            assertThat(rate.multiply(new BigDecimal(amountFrom)).subtract(payout).abs()).isLessThan(new BigDecimal("0.01"));
            assertThat(new BigDecimal(method.get("invertedRate").asText()).multiply(rate).subtract(BigDecimal.ONE).abs())
                    .isLessThan(new BigDecimal("0.000001"));
            rates.add(rate);
            fees.add(new BigDecimal(method.get("fee").asText()));
            payouts.add(payout);
        }
        assertThat(new BigDecimal(offer.get("rate").asText())).isEqualByComparingTo(rates.stream().max(BigDecimal::compareTo).orElseThrow());
        assertThat(new BigDecimal(offer.get("fee").asText())).isEqualByComparingTo(fees.stream().min(BigDecimal::compareTo).orElseThrow());
        assertThat(new BigDecimal(offer.get("amountExpectedTo").asText()))
                .isEqualByComparingTo(payouts.stream().max(BigDecimal::compareTo).orElseThrow());
    }
}
