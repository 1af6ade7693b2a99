package dev.offramp.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offramp.http.ApiProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderCreationsTest {

    private final OrderCreations creations = new OrderCreations();

    @Test
    void onlyAnAnswerOrARefusalIsCertain() {
        assertThat(creations.outcome(201, null)).isEqualTo("answered");
        assertThat(creations.outcome(200, null)).isEqualTo("answered");
        assertThat(creations.outcome(409, null)).isEqualTo("refused");
        assertThat(creations.outcome(400, null)).isEqualTo("refused");
        assertThat(creations.outcome(null, "circuit_open")).as("never sent").isEqualTo("refused");
        assertThat(creations.outcome(500, null)).isEqualTo("uncertain");
        assertThat(creations.outcome(502, null)).isEqualTo("uncertain");
        assertThat(creations.outcome(null, "timeout")).isEqualTo("uncertain");
        assertThat(creations.outcome(null, "unreachable")).as("the connection may drop after the request left").isEqualTo("uncertain");
    }

    @Test
    void aUnigoxPlacementCarriesTheQuotesAmountsAndTheInitiateRequest() {
        Map<String, Object> quote = Map.of("quote_id", "q-1", "user_id", "user-1", "crypto_amount", new java.math.BigDecimal("100"),
                "crypto_currency", "USDT", "fiat_amount", new java.math.BigDecimal("91.50"), "fiat_currency", "EUR");
        Map<String, Object> initiate = Map.of("quote_id", "q-1", "reference_id", "order-1");
        Map<String, Object> placement = creations.unigoxPlacement("order-1", quote, initiate);
        assertThat(placement).containsEntry("order_id", "order-1").containsEntry("provider", "unigox")
                .containsEntry("user_id", "user-1").containsEntry("crypto_amount", new java.math.BigDecimal("100"))
                .containsEntry("crypto_currency", "USDT").containsEntry("fiat_amount", new java.math.BigDecimal("91.50"))
                .containsEntry("fiat_currency", "EUR").containsEntry("source_ref", "initiate:q-1")
                .containsEntry("request", initiate);
    }

    @Test
    void aChangellyPlacementHasNoFiatAmountBeforeAnOfferIsChosen() {
        Map<String, Object> sellOrder = Map.of("externalOrderId", "order-2", "externalUserId", "user-2",
                "amountFrom", "0.5", "currencyFrom", "BTC", "currencyTo", "EUR");
        Map<String, Object> placement = creations.changellyPlacement("order-2", "user-2", sellOrder);
        assertThat(placement).containsEntry("order_id", "order-2").containsEntry("provider", "changelly")
                .containsEntry("user_id", "user-2").containsEntry("crypto_amount", "0.5").containsEntry("crypto_currency", "BTC")
                .containsEntry("fiat_amount", null).containsEntry("fiat_currency", "EUR")
                .containsEntry("source_ref", "sell-order").containsEntry("request", sellOrder);
    }

    @Test
    void aUnigoxInitiateAnswerInTheCommonShape() {
        String body = "{\"success\":true,\"data\":{\"order_id\":\"u-1\",\"status\":\"awaiting_liquidity_provider\",\"reference_id\":\"ours\","
                + "\"amounts\":{\"crypto_amount\":\"100.000000\",\"crypto_currency\":\"USDT\",\"fiat_amount\":\"91.50\",\"fiat_currency\":\"EUR\"}}}";
        Map<String, Object> created = creations.answered("unigox", "answered", body);
        assertThat(created).containsEntry("provider_order_id", "u-1").containsEntry("provider_status", "awaiting_liquidity_provider")
                .containsEntry("crypto_amount", "100.000000").containsEntry("fiat_currency", "EUR").containsEntry("redirect_url", null);
    }

    @Test
    void anUnreadable2xxIsTreatedAsUncertain() {
        assertThat(creations.answered("unigox", "answered", "<html>")).isNull();
        assertThat(creations.answered("changelly", "answered", "{\"no\":\"id\"}")).isNull();
        assertThat(creations.answered("unigox", "uncertain", "{}")).isNull();
    }

    @Test
    void aChangellyCreationAnswerStartsAsCreated() {
        Map<String, Object> created = creations.answered("changelly", "answered",
                "{\"orderId\":\"c-1\",\"amountFrom\":\"0.1\",\"currencyFrom\":\"ETH\",\"payoutAmount\":\"250.1\",\"currencyTo\":\"EUR\",\"redirectUrl\":\"https://x/c-1\"}");
        assertThat(created).containsEntry("provider_order_id", "c-1").containsEntry("provider_status", "created")
                .containsEntry("fiat_amount", "250.1").containsEntry("redirect_url", "https://x/c-1");
    }

    @Test
    void findsOnlyTheOrderCarryingOurReference() {
        Map<String, Object> page = Map.of("orders", List.of(
                Map.of("order_id", "a", "status", "created", "reference_id", "other"),
                Map.of("order_id", "b", "status", "cancelled", "reference_id", "ours")));
        assertThat(creations.unigoxByReference(page, "ours")).containsEntry("provider_order_id", "b").containsEntry("provider_status", "cancelled");
        assertThat(creations.unigoxByReference(page, "missing")).isNull();
        assertThat(creations.unigoxByReference(null, "ours")).isNull();

        Map<String, Object> changelly = Map.of("orders", List.of(Map.of("orderId", "c-9", "externalOrderId", "ours", "status", "pending")));
        assertThat(creations.changellyByReference(changelly, "ours")).containsEntry("provider_order_id", "c-9").containsEntry("provider_status", "pending");
        assertThat(creations.changellyByReference(changelly, "theirs")).isNull();
    }

    @Test
    void readsOnOnlyWhileNotFoundOnFullPagesWithinTheLimit() {
        Map<String, Object> full = Map.of("orders", java.util.Collections.nCopies(100, Map.of()));
        Map<String, Object> shortPage = Map.of("orders", List.of(Map.of()));
        assertThat(creations.unigoxLookOnAfter(null, full, 1, 5)).isTrue();
        assertThat(creations.unigoxLookOnAfter(null, full, 5, 5)).isFalse();
        assertThat(creations.unigoxLookOnAfter(null, shortPage, 1, 5)).isFalse();
        assertThat(creations.unigoxLookOnAfter(Map.of("provider_order_id", "x"), full, 1, 5)).isFalse();
    }

    @Test
    void aLookupThatFailedIsNotANotFound() {
        assertThat(creations.lookupData("changelly", 500, "{}", null)).isNull();
        assertThat(creations.lookupData("unigox", null, null, "timeout")).isNull();
        assertThat(creations.lookupData("unigox", 200, "{\"success\":true,\"data\":{\"orders\":[]}}", null)).isEqualTo(Map.of("orders", List.of()));
    }

    @Test
    void aRefusalIsRaisedAsTheUpstreamsError() {
        assertThatThrownBy(() -> creations.raiseIfRefused("refused", "unigox", 409,
                "{\"success\":false,\"error\":{\"code\":\"QUOTE_ALREADY_USED\",\"message\":\"used\"}}", null))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("used");
        assertThatThrownBy(() -> creations.raiseIfRefused("refused", "changelly", null, null, "circuit_open")).isInstanceOf(ApiProblem.class);
    }

    @Test
    void onlyARefusalIsRaised() {
        creations.raiseIfRefused("answered", "unigox", 201, "{\"success\":true,\"data\":{}}", null);
        creations.raiseIfRefused("uncertain", "changelly", null, null, "timeout");
    }
}
