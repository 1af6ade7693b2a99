package dev.offramp.sandbox.changelly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offramp.sandbox.SandboxResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Countries, currencies and providers in the documented shapes. */
class ReferenceDataTest {

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
    void countriesForTheSellFlow() {
        JsonNode countries = client.getJson("/v1/available-countries?supportedFlow=sell");

        assertThat(countries.isArray()).isTrue();
        JsonNode italy = find(countries, "code", "IT");
        assertThat(italy.get("name").asText()).isEqualTo("Italy");
        assertThat(italy.has("states")).isFalse();
        assertThat(italy.get("providers").get(0).get("supportedFlows").toString()).isEqualTo("[\"sell\"]");
        JsonNode us = find(countries, "code", "US");
        assertThat(us.get("states").get(0).get("code").asText()).startsWith("US-");
        assertThat(us.get("states").get(0).has("name")).isTrue();
    }

    @Test
    void countriesOfOneProviderAndTheBuyFlowWhichIsNotSimulated() {
        JsonNode mercuryo = client.getJson("/v1/available-countries?providerCode=mercuryo");
        assertThat(texts(mercuryo, "code")).doesNotContain("US", "BR").contains("DE", "GB");

        assertThat(client.getJson("/v1/available-countries?supportedFlow=buy")).isEmpty();
    }

    @Test
    void currenciesByType() {
        JsonNode all = client.getJson("/v1/currencies?supportedFlow=sell");
        assertThat(texts(all, "ticker")).contains("BTC", "ETH", "USDT", "USDT20", "EUR", "USD", "GBP");

        JsonNode cryptos = client.getJson("/v1/currencies?supportedFlow=sell&type=crypto");
        assertThat(texts(cryptos, "type")).containsOnly("crypto");
        JsonNode eth = find(cryptos, "ticker", "ETH");
        assertThat(eth.get("name").asText()).isEqualTo("Ethereum");
        assertThat(eth.get("extraIdName").isNull()).isTrue();
        assertThat(eth.get("precision").isTextual()).isTrue();
        assertThat(eth.get("network").asText()).isEqualTo("ethereum");
        for (String field : List.of("iconUrl", "iconColoredUrl", "protocol", "providers")) {
            assertThat(eth.has(field)).as(field).isTrue();
        }
        assertThat(find(cryptos, "ticker", "XRP").get("extraIdName").asText()).isNotEmpty();

        JsonNode fiats = client.getJson("/v1/currencies?type=fiat");
        assertThat(texts(fiats, "ticker")).containsExactlyInAnyOrder("EUR", "GBP", "USD");
        assertThat(texts(fiats, "precision")).containsOnly("2");
    }

    @Test
    void badFiltersAreValidationErrorsNamingTheParameter() {
        SandboxResponse badType = client.get("/v1/currencies?type=stock");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.body()).contains("\"errorType\":\"validation\"").contains("\"cause\":\"type\"");

        SandboxResponse badProvider = client.get("/v1/available-countries?providerCode=nobody");
        assertThat(badProvider.status()).isEqualTo(400);
        assertThat(badProvider.body()).contains("{\"cause\":\"providerCode\",\"value\":\"Incorrect provider code\"}");

        assertThat(client.get("/v1/currencies?supportedFlow=swap").body()).contains("\"cause\":\"supportedFlow\"");
    }

    @Test
    void providers() {
        JsonNode providers = client.getJson("/v1/providers");

        assertThat(texts(providers, "code")).containsExactly("moonpay", "banxa", "mercuryo", "transak");
        for (JsonNode provider : providers) {
            assertThat(provider.fieldNames()).toIterable().containsExactly("code", "name", "trustPilotRating", "iconUrl");
        }
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + "=" + value + " in " + array);
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(field).asText()));
        return values;
    }
}
