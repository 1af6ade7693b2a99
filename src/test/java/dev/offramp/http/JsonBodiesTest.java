package dev.offramp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodiesTest {

    @Test
    void aMalformedBodyIsA400InvalidJsonNamingTheProblem() {
        ApiProblem problem = problem(() -> JsonBodies.object("{\"user_ref\":"));
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getCode()).isEqualTo("invalid_json");
        assertThat(problem.getMessage()).startsWith("the body is not valid JSON (line 1, column");
    }

    @Test
    void aNumberBombIsA400NamingTheField() {
        ApiProblem problem = problem(() -> JsonBodies.object("{\"amount_from\":1e999999999}".getBytes(StandardCharsets.UTF_8)));
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getCode()).isEqualTo("invalid_json");
        assertThat(problem.getField()).isEqualTo("amount_from");
        assertThat(problem.getMessage()).contains("amount_from", "out of range");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "\"text\"", "12", "null"})
    void aBodyThatIsNotAnObjectIsA400(String body) {
        ApiProblem problem = problem(() -> JsonBodies.object(body));
        assertThat(problem.getCode()).isEqualTo("invalid_json");
        assertThat(problem.getMessage()).isEqualTo("the body must be a JSON object");
    }

    @Test
    void anEmptyBodyIsA400() {
        assertThat(problem(() -> JsonBodies.object(null)).getCode()).isEqualTo("invalid_json");
        assertThat(problem(() -> new JsonBodies().parseObject(new byte[0])).getMessage()).contains("empty");
    }

    @Test
    void amountsAreWrittenPlain() {
        assertThat(JsonBodies.optionalAmount(Map.of("a", new BigDecimal("100.50")), "a")).isEqualTo("100.5");
        assertThat(JsonBodies.optionalAmount(Map.of("a", new BigDecimal("1E+2")), "a")).isEqualTo("100");
        assertThat(JsonBodies.optionalAmount(Map.of("a", 7), "a")).isEqualTo("7");
        assertThat(JsonBodies.optionalAmount(Map.of("a", " 0.000000000000000001 "), "a")).isEqualTo("0.000000000000000001");
        assertThat(JsonBodies.optionalAmount(new HashMap<>(), "a")).isNull();
    }

    /** Even a BigDecimal that did not come through BoundedJson is never written out plain before its size is known. */
    @ParameterizedTest
    @ValueSource(strings = {"1E+999999999", "-1E-999999999", "1E+21", "1E-19", "123456789012345678901"})
    void anAmountOutOfTheAmountRangeIsRefusedWithoutWritingItOut(String number) {
        ApiProblem problem = problem(() -> JsonBodies.optionalAmount(Map.of("crypto_amount", new BigDecimal(number)), "crypto_amount"));
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getField()).isEqualTo("crypto_amount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "-5", "0", "abc", "1.0000000000000000001"})
    void aBadAmountStringIsRefused(String text) {
        assertThat(problem(() -> JsonBodies.optionalAmount(Map.of("a", text), "a")).getField()).isEqualTo("a");
    }

    @Test
    void aHugeIntegerAmountIsRefused() {
        BigInteger huge = BigInteger.TEN.pow(99);
        assertThat(problem(() -> JsonBodies.optionalAmount(Map.of("a", huge), "a")).getField()).isEqualTo("a");
    }

    @Test
    void decimalsFromUpstreamsAreBoundedToo() {
        assertThat(Decimals.plain("1e999999999")).isNull();
        assertThat(Decimals.plain(new BigDecimal("1E+999999999"))).isNull();
        assertThat(Decimals.plain("9".repeat(5_000))).isNull();
        assertThat(Decimals.plain("1E+2")).isEqualTo("100");
        assertThat(Decimals.plain("100.50")).isEqualTo("100.5");
        assertThat(Decimals.plain("n/a")).isNull();
    }

    private static ApiProblem problem(Runnable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(ApiProblem.class);
        return (ApiProblem) thrown;
    }

    @Test
    void problemHelperFailsWhenNothingIsThrown() {
        assertThatThrownBy(() -> problem(() -> { })).isInstanceOf(AssertionError.class);
    }
}
