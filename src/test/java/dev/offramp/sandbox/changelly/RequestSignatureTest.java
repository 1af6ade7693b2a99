package dev.offramp.sandbox.changelly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offramp.sandbox.SandboxRequest;
import dev.offramp.sandbox.SandboxResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** X-Api-Key and X-Api-Signature are checked exactly as the Fiat API documents them. */
class RequestSignatureTest {

    private static final String UNAUTHORIZED = "{\"errorType\":\"unauthorized\",\"errorMessage\":\"Unauthorized\",\"errorDetails\":null}";
    private static final String OFFERS = "/v1/sell/offers?currencyFrom=ETH&currencyTo=EUR&amountFrom=0.1&country=IT";
    private static final String ADDRESS = "{\"currency\":\"ETH\",\"walletAddress\":\"0x8cfbd31371e9bec8c82ae101e25bd9394c03a227\"}";

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
    void aSignedGetWithAQueryIsAccepted() {
        SandboxResponse response = client.get(OFFERS);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"providerCode\":\"moonpay\"");
    }

    @Test
    void aGetSignsTheLiteralEmptyObject() {
        String withoutBody = client.signature(SignedClient.BASE_URL + OFFERS);

        SandboxResponse response = simulator.handle(SignedClient.request("GET", OFFERS, null, withoutBody));

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void aSignedPostIsAccepted() {
        SandboxResponse response = client.post("/v1/validate-address", ADDRESS);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"result\":true,\"cause\":null}");
    }

    @Test
    void theUrlMayNameTheHostAs127001() {
        String signature = client.signature("http://127.0.0.1:8080/sandbox/changelly" + OFFERS + "{}");

        assertThat(simulator.handle(SignedClient.request("GET", OFFERS, null, signature)).status()).isEqualTo(200);
    }

    @Test
    void theRawQueryIsWhatCountsNotItsDecodedMeaning() {
        // same parameters, but encoded differently from what was signed: upstream refuses it, so does the sandbox
        String signed = "/v1/currencies?type=crypto&supportedFlow=sell";
        String sent = "/v1/currencies?type=%63rypto&supportedFlow=sell";
        String signature = client.signature(SignedClient.BASE_URL + signed + "{}");

        assertThat(simulator.handle(SignedClient.request("GET", signed, null, signature)).status()).isEqualTo(200);
        assertThat(simulator.handle(SignedClient.request("GET", sent, null, signature)).status()).isEqualTo(401);
    }

    @Test
    void aWrongSignatureIsRefused() {
        String signatureOfSomethingElse = client.signature(SignedClient.BASE_URL + "/v1/providers{}");

        SandboxResponse response = simulator.handle(SignedClient.request("GET", OFFERS, null, signatureOfSomethingElse));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(UNAUTHORIZED);
    }

    @Test
    void aTamperedQueryIsRefused() {
        SandboxRequest signed = client.signed("GET", OFFERS, null);
        SandboxRequest tampered = new SandboxRequest("GET", signed.path(), signed.query().replace("0.1", "10"),
                signed.headers(), signed.body());

        assertThat(simulator.handle(tampered).status()).isEqualTo(401);
    }

    @Test
    void aTamperedBodyIsRefused() {
        SandboxRequest signed = client.signed("POST", "/v1/validate-address", ADDRESS);
        SandboxRequest tampered = new SandboxRequest("POST", signed.path(), signed.query(), signed.headers(),
                ADDRESS.replace("0x8cfb", "0x0000").getBytes(StandardCharsets.UTF_8));

        SandboxResponse response = simulator.handle(tampered);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(UNAUTHORIZED);
    }

    @Test
    void aReformattedBodyIsRefused() {
        // the body must be byte-identical to what was signed; the same JSON with a space is another message
        SandboxRequest signed = client.signed("POST", "/v1/validate-address", ADDRESS);
        SandboxRequest reformatted = new SandboxRequest("POST", signed.path(), signed.query(), signed.headers(),
                ADDRESS.replace(",", ", ").getBytes(StandardCharsets.UTF_8));

        assertThat(simulator.handle(reformatted).status()).isEqualTo(401);
    }

    @Test
    void aMissingSignatureOrKeyIsRefused() {
        assertThat(simulator.handle(SignedClient.request("GET", OFFERS, null, null)).status()).isEqualTo(401);

        SandboxRequest signed = client.signed("GET", OFFERS, null);
        Map<String, String> noKey = new HashMap<>(signed.headers());
        noKey.remove("x-api-key");
        assertThat(simulator.handle(new SandboxRequest("GET", signed.path(), signed.query(), noKey, null)).status())
                .isEqualTo(401);
    }

    @Test
    void aWrongKeyIsRefusedEvenWithAValidSignature() {
        SandboxRequest signed = client.signed("GET", OFFERS, null);
        Map<String, String> otherKey = new HashMap<>(signed.headers());
        otherKey.put("x-api-key", "someone-elses-key");

        assertThat(simulator.handle(new SandboxRequest("GET", signed.path(), signed.query(), otherKey, null)).status())
                .isEqualTo(401);
    }

    @Test
    void garbageInTheSignatureHeaderIsRefused() {
        assertThat(simulator.handle(SignedClient.request("GET", OFFERS, null, "not base64 at all!")).status()).isEqualTo(401);
        assertThat(simulator.handle(SignedClient.request("GET", OFFERS, null, "AAAA")).status()).isEqualTo(401);
    }

    @Test
    void unknownApiPathsNeedAuthenticationBeforeTheyAre404() {
        assertThat(simulator.handle(SignedClient.request("GET", "/v1/nothing-here", null, null)).status()).isEqualTo(401);
        assertThat(client.get("/v1/nothing-here").status()).isEqualTo(404);
    }
}
