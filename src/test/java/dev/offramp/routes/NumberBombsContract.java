package dev.offramp.routes;

import dev.offramp.contract.OffRampApiContractExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16, class 1: a JSON number such as 1e999999999 is 11 characters, and writing it out plain costs
 * a gigabyte. In every amount field of every operation that takes one (and in the offers query string)
 * each such number is a 400 naming the field, quickly, even several at once, and nothing is written.
 * Run on H2 ({@link NumberBombsTest}) and PostgreSQL ({@link PostgresNumberBombsTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OffRampApiContractExtension.class)
abstract class NumberBombsContract {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Exponents out of range (incl. one past int), and numbers too long to be amounts or anything else. */
    static final List<String> BOMBS = List.of("1e999999999", "-1e-999999999", "1e2147483648", "9".repeat(5_000), "0." + "1".repeat(5_000));

    @BeanInject
    CamelContext context;

    Bundle bundle;
    String userId;
    String unigoxOrderId;

    @BeforeEach
    void setUp() throws Exception {
        bundle = new Bundle(context);
        if (userId == null) {
            userId = bundle.insertUser("number-bombs-user");
            unigoxOrderId = bundle.createOrder("unigox", "awaiting_crypto_transfer_authorization");
        }
    }


    /** path, body with BOMB where the number goes, the field the answer must name. */
    Stream<Arguments> amountFields() {
        List<String[]> operations = List.of(
                new String[] {"/api/v1/offramp/orders", "{\"provider\":\"changelly\",\"user_id\":\"USER\",\"provider_code\":\"moonpay\","
                        + "\"currency_from\":\"ETH\",\"currency_to\":\"EUR\",\"amount_from\":BOMB,\"country\":\"IT\"}", "amount_from"},
                new String[] {"/api/v1/offramp/quote", "{\"user_id\":\"USER\",\"payment_details_id\":\"p\",\"crypto_currency\":\"USDT\","
                        + "\"crypto_amount\":BOMB,\"fiat_currency\":\"EUR\"}", "crypto_amount"},
                new String[] {"/api/v1/offramp/quote", "{\"user_id\":\"USER\",\"payment_details_id\":\"p\",\"crypto_currency\":\"USDT\","
                        + "\"fiat_amount\":BOMB,\"fiat_currency\":\"EUR\"}", "fiat_amount"});
        List<Arguments> cases = new ArrayList<>();
        for (String bomb : BOMBS) {
            for (String[] op : operations) {
                cases.add(Arguments.of(op[0], op[1].replace("BOMB", bomb), op[2], label(bomb)));
            }
            for (String field : List.of("value", "gas", "nonce", "deadline")) {
                String body = Bundle.AUTHORIZATION.replace("\"" + field + "\":\"" + valueOf(field) + "\"", "\"" + field + "\":" + bomb);
                cases.add(Arguments.of("/api/v1/orders/UNIGOX_ORDER/authorize-crypto-transfer", body, "forward_request." + field, label(bomb)));
            }
        }
        return cases.stream();
    }

    private static String valueOf(String field) {
        return switch (field) {
            case "value", "nonce" -> "0";
            case "gas" -> "500000";
            default -> "1900000000";
        };
    }

    private static String label(String bomb) {
        return bomb.length() > 20 ? bomb.substring(0, 4) + "…(" + bomb.length() + " chars)" : bomb;
    }

    @ParameterizedTest(name = "{2} = {3}")
    @MethodSource("amountFields")
    void aNumberBombInAnAmountFieldIsA400NamingTheField(String path, String body, String field, String label) throws Exception {
        assertThat(body).as("the bomb must be in the body").doesNotContain("BOMB").isNotEqualTo(Bundle.AUTHORIZATION);
        Map<String, Object> before = bundle.footprint();

        HttpResponse<String> r = bundle.post(path.replace("UNIGOX_ORDER", unigoxOrderId), body.replace("USER", userId));

        assertClear400(r, field);
        assertThat(bundle.footprint()).isEqualTo(before);
    }

    Stream<String> queryBombs() {
        // the 5,000-digit forms make a URL longer than the HTTP server's request line: see the next test
        return Stream.of("1e999999999", "-1e-999999999", "1e2147483648", "9".repeat(1_000), "0." + "1".repeat(1_000));
    }

    @ParameterizedTest
    @MethodSource("queryBombs")
    void aNumberBombInTheOffersQueryIsA400NamingTheParameter(String bomb) throws Exception {
        Map<String, Object> before = bundle.footprint();

        HttpResponse<String> r = bundle.get(offers(bomb));

        assertClear400(r, "amount_from");
        assertThat(bundle.footprint()).isEqualTo(before);
    }

    @Test
    void aQueryLongerThanTheRequestLineIsRefusedWithoutA5xx() throws Exception {
        HttpResponse<String> r = bundle.get(offers("9".repeat(5_000)));

        assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
    }

    @Test
    void severalBombsAtOnceEachAnswer400WithinASecond() throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String bomb = i % 2 == 0 ? "1e999999999" : "-1e-999999999";
            bodies.add("{\"provider\":\"changelly\",\"user_id\":\"" + userId + "\",\"provider_code\":\"moonpay\","
                    + "\"currency_from\":\"ETH\",\"currency_to\":\"EUR\",\"amount_from\":" + bomb + ",\"country\":\"IT\"}");
        }
        Map<String, Object> before = bundle.footprint();
        ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Timed>> answers = new ArrayList<>();
            for (String body : bodies) {
                answers.add(pool.submit(() -> {
                    start.await();
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = bundle.post("/api/v1/offramp/orders", body);
                    return new Timed(r, Duration.ofNanos(System.nanoTime() - t0));
                }));
            }
            start.countDown();
            for (Future<Timed> answer : answers) {
                Timed timed = answer.get(30, TimeUnit.SECONDS);
                assertClear400(timed.response(), "amount_from");
                // a behaviour bound, not a benchmark: converting one such number took seconds and gigabytes
                assertThat(timed.took()).as("one request's own duration").isLessThan(Duration.ofSeconds(1));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(bundle.footprint()).isEqualTo(before);
    }

    /** A sane amount still goes through the same parsing (no false refusal): the order is only refused for its unknown user. */
    @Test
    void aNormalAmountIsNotRefusedByTheLimits() throws Exception {
        HttpResponse<String> r = bundle.post("/api/v1/offramp/orders", "{\"provider\":\"changelly\",\"user_id\":\"nobody\","
                + "\"provider_code\":\"moonpay\",\"currency_from\":\"ETH\",\"currency_to\":\"EUR\",\"amount_from\":1e2,\"country\":\"IT\"}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
        assertThat(JSON.readTree(r.body()).get("error").get("field").asText()).isEqualTo("user_id");
    }

    private static String offers(String amount) {
        return "/api/v1/offramp/offers?currency_from=USDT&currency_to=EUR&country=DE&amount_from="
                + URLEncoder.encode(amount, StandardCharsets.UTF_8);
    }

    static void assertClear400(HttpResponse<String> r, String field) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(r.body()).get("error");
        assertThat(error.get("code").asText()).isIn("invalid_json", "invalid_field", "invalid_parameter");
        assertThat(error.get("field").asText()).as(r.body()).isEqualTo(field);
        assertThat(error.get("message").asText()).contains(field);
        assertThat(r.body()).doesNotContainIgnoringCase("exception").doesNotContain("9999999999999999999999");
    }

    record Timed(HttpResponse<String> response, Duration took) {
    }
}
