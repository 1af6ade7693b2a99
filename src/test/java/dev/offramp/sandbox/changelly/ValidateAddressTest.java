package dev.offramp.sandbox.changelly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offramp.sandbox.SandboxResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POST /v1/validate-address: {result, cause} by the sandbox's simple address rules. */
class ValidateAddressTest {

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

    @ParameterizedTest
    @CsvSource({
        "ETH,    0x8cfbd31371e9bec8c82ae101e25bd9394c03a227, '{\"result\":true,\"cause\":null}'",
        "USDT20, 0x8CFBD31371E9BEC8C82AE101E25BD9394C03A227, '{\"result\":true,\"cause\":null}'",
        "ETH,    0x8cfbd31371e9bec8c82ae101e25bd9394c03a22,  '{\"result\":false,\"cause\":\"walletAddress\"}'",
        "ETH,    8cfbd31371e9bec8c82ae101e25bd9394c03a227aa, '{\"result\":false,\"cause\":\"walletAddress\"}'",
        "USDT20, 0xZZfbd31371e9bec8c82ae101e25bd9394c03a227, '{\"result\":false,\"cause\":\"walletAddress\"}'",
        "BTC,    1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2,         '{\"result\":true,\"cause\":null}'",
        "BTC,    3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy,         '{\"result\":true,\"cause\":null}'",
        "BTC,    bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq, '{\"result\":true,\"cause\":null}'",
        "BTC,    0x8cfbd31371e9bec8c82ae101e25bd9394c03a227, '{\"result\":false,\"cause\":\"walletAddress\"}'",
        "BTC,    2BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2,         '{\"result\":false,\"cause\":\"walletAddress\"}'",
    })
    void addresses(String currency, String address, String expected) {
        SandboxResponse response = client.post("/v1/validate-address",
                "{\"currency\":\"" + currency + "\",\"walletAddress\":\"" + address + "\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(expected);
    }

    @Test
    void anExtraIdOnlyWhereTheCurrencyHasOne() {
        String xrp = "{\"currency\":\"XRP\",\"walletAddress\":\"rwpMvfxoodXggJ1g4qv6MWAPQqWDwQyHUW\",\"walletExtraId\":\"%s\"}";
        assertThat(client.post("/v1/validate-address", xrp.formatted("1234")).body()).isEqualTo("{\"result\":true,\"cause\":null}");
        assertThat(client.post("/v1/validate-address", xrp.formatted("1234hg")).body())
                .isEqualTo("{\"result\":false,\"cause\":\"walletExtraId\"}");
        assertThat(client.post("/v1/validate-address",
                "{\"currency\":\"ETH\",\"walletAddress\":\"0x8cfbd31371e9bec8c82ae101e25bd9394c03a227\",\"walletExtraId\":\"1\"}").body())
                .isEqualTo("{\"result\":false,\"cause\":\"walletExtraId\"}");
    }

    @Test
    void anUnknownCurrencyOrAMissingFieldIsAValidationError() {
        SandboxResponse unknown = client.post("/v1/validate-address", "{\"currency\":\"DOGE\",\"walletAddress\":\"D1\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo(
                "{\"errorType\":\"validation\",\"errorMessage\":\"Validation error\",\"errorDetails\":[{\"cause\":\"currency\",\"value\":\"Incorrect currency\"}]}");

        SandboxResponse missing = client.post("/v1/validate-address", "{\"currency\":\"ETH\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("\"cause\":\"walletAddress\"");

        SandboxResponse notJson = client.post("/v1/validate-address", "currency=ETH");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body()).contains("\"cause\":\"body\"");
    }
}
