package dev.offramp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoundedJsonTest {

    @Test
    @SuppressWarnings("unchecked")
    void readsPlainValuesNumbersNeverAsDoubles() {
        Object value = BoundedJson.read("{\"a\":\"x\",\"b\":1,\"c\":12345678901,\"d\":100.50,\"e\":1e2,\"f\":[true,false,null],"
                + "\"g\":123456789012345678901234567890}");

        assertThat(value).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        assertThat(map.keySet()).containsExactly("a", "b", "c", "d", "e", "f", "g");
        assertThat(map.get("b")).isEqualTo(1);
        assertThat(map.get("c")).isEqualTo(12345678901L);
        assertThat(map.get("d")).isEqualTo(new BigDecimal("100.50"));
        assertThat(map.get("e")).isEqualTo(new BigDecimal("1e2"));
        assertThat((List<Object>) map.get("f")).containsExactly(true, false, null);
        assertThat(map.get("g")).isEqualTo(new BigInteger("123456789012345678901234567890"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "-1e-999999999", "1e2147483648", "1e-2147483649", "1e12345678901234567890", "1e101",
            "1e-101"})
    void aNumberWhoseExponentIsOutOfRangeIsRefusedNamingItsPlace(String number) {
        assertRefused("{\"forward_request\":{\"value\":" + number + "}}", "forward_request.value", "out of range");
    }

    @Test
    void exponentsUpToTheLimitAreRead() {
        Map<?, ?> map = (Map<?, ?>) BoundedJson.read("{\"a\":1e100,\"b\":1e-100}");
        assertThat(((BigDecimal) map.get("a")).scale()).isEqualTo(-100);
        assertThat(((BigDecimal) map.get("b")).scale()).isEqualTo(100);
    }

    @ParameterizedTest
    @ValueSource(ints = {101, 5_000, 100_000})
    void aLongNumberIsRefusedNamingItsPlace(int digits) {
        assertRefused("{\"amount_from\":" + "9".repeat(digits) + "}", "amount_from", "more than 100 characters");
        assertRefused("{\"amount_from\":0." + "1".repeat(digits) + "}", "amount_from", "more than 100 characters");
        assertRefused("{\"list\":[1," + "9".repeat(digits) + "]}", "list[1]", "more than 100 characters");
    }

    @Test
    void aNumberOfAHundredCharactersIsRead() {
        assertThat(BoundedJson.read("[" + "9".repeat(100) + "]")).isEqualTo(List.of(new BigInteger("9".repeat(100))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[", "{\"a\":"})
    void deepNestingIsRefused(String opener) {
        String deep = opener.repeat(10_000) + "1";
        assertThatThrownBy(() -> BoundedJson.read(deep)).isInstanceOf(BoundedJson.Refused.class)
                .hasMessageContaining("more than 64 levels deep");
    }

    @Test
    void nestingUpToTheLimitIsRead() {
        String ok = "[".repeat(64) + "]".repeat(64);
        assertThat(BoundedJson.read(ok)).isInstanceOf(List.class);
        String tooDeep = "[".repeat(65) + "]".repeat(65);
        assertThatThrownBy(() -> BoundedJson.read(tooDeep)).hasMessageContaining("levels deep");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1} xyz", "{}{}", "[1] [2]", "{\"a\":1}}", "1 2"})
    void trailingDataIsRefused(String text) {
        assertThatThrownBy(() -> BoundedJson.read(text)).isInstanceOf(BoundedJson.Refused.class)
                .hasMessageContaining("more after its JSON value");
    }

    @Test
    void trailingWhitespaceIsFine() {
        assertThat(BoundedJson.read(" {\"a\":1} \n\t")).isEqualTo(Map.of("a", 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "{\"a\":1,}", "{\"a\":\"x\u0000y\"}", "{\"a\":'x'}", "NaN", "{\"a\":01}", "\"unterminated",
            "{\"a\":1", "[1,2"})
    void malformedTextIsRefusedWithALocationAndNoParserInternals(String text) {
        assertThatThrownBy(() -> BoundedJson.read(text)).isInstanceOf(BoundedJson.Refused.class)
                .hasMessageStartingWith("the body is not valid JSON")
                .hasMessageContaining("line 1, column")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Exception", "Source", "REDACTED", "code "));
    }

    @Test
    void blankIsRefused() {
        assertThatThrownBy(() -> BoundedJson.read("  ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> BoundedJson.read(new byte[0])).hasMessageContaining("empty");
    }

    @Test
    void invalidUtf8IsRefusedNotReplaced() {
        byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThatThrownBy(() -> BoundedJson.read(bytes)).isInstanceOf(BoundedJson.Refused.class).hasMessage("the body is not valid UTF-8");
        assertThat(BoundedJson.read("{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(Map.of("a", "é"));
    }

    @Test
    void aKeyTwiceIsRefused() {
        assertRefused("{\"a\":{\"b\":1,\"b\":2}}", "a.b", "appears twice");
    }

    @Test
    void aVeryLongStringValueOrKeyIsRefused() {
        assertRefused("{\"a\":\"" + "x".repeat(BoundedJson.MAX_STRING_LENGTH + 1) + "\"}", "a", "string of more than");
        assertThatThrownBy(() -> BoundedJson.read("{\"" + "k".repeat(BoundedJson.MAX_NAME_LENGTH + 1) + "\":1}"))
                .hasMessageContaining("object key of more than");
    }

    @Test
    void aLongPathIsCutInTheMessage() {
        String key = "k".repeat(500);
        assertThatThrownBy(() -> BoundedJson.read("{\"" + key + "\":1e999}"))
                .isInstanceOf(BoundedJson.Refused.class)
                .satisfies(e -> assertThat(((BoundedJson.Refused) e).path()).hasSizeLessThan(210));
    }

    @Test
    void numberBombsAreRefusedQuickly() {
        long start = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            assertThatThrownBy(() -> BoundedJson.read("{\"amount_from\":1e999999999}")).isInstanceOf(BoundedJson.Refused.class);
            assertThatThrownBy(() -> BoundedJson.read("{\"amount_from\":" + "9".repeat(5_000) + "}")).isInstanceOf(BoundedJson.Refused.class);
        }
        // a behaviour bound, not a benchmark: each took microseconds; converting one took seconds
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    private static void assertRefused(String text, String path, String messagePart) {
        assertThatThrownBy(() -> BoundedJson.read(text))
                .isInstanceOf(BoundedJson.Refused.class)
                .hasMessageContaining(messagePart)
                .satisfies(e -> assertThat(((BoundedJson.Refused) e).path()).isEqualTo(path));
    }
}
