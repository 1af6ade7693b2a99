package dev.offramp.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RepeatSafeCallsTest {

    final RepeatSafeCalls calls = new RepeatSafeCalls(
            "/users, /offramp/estimate,/orders/*/authorize-crypto-transfer,/orders/*/confirm-fiat-received");

    @Test
    void everyGetIsRepeatSafe() {
        assertThat(calls.isRepeatSafe("GET", "/orders/42")).isTrue();
        assertThat(calls.isRepeatSafe("get", "/anything/at/all")).isTrue();
    }

    @Test
    void listedPostsAreRepeatSafeWithStarForOneSegment() {
        assertThat(calls.isRepeatSafe("POST", "/users")).isTrue();
        assertThat(calls.isRepeatSafe("POST", "/offramp/estimate")).isTrue();
        assertThat(calls.isRepeatSafe("POST", "/orders/ord-42/authorize-crypto-transfer")).isTrue();
        assertThat(calls.isRepeatSafe("POST", "/orders/ord-42/confirm-fiat-received")).isTrue();
    }

    @Test
    void quoteInitiateAndUnlistedPostsAreNot() {
        assertThat(calls.isRepeatSafe("POST", "/offramp/quote")).isFalse();
        assertThat(calls.isRepeatSafe("POST", "/offramp/initiate")).isFalse();
        assertThat(calls.isRepeatSafe("POST", "/orders/42/cancel")).isFalse();
        assertThat(calls.isRepeatSafe("POST", "/orders/a/b/authorize-crypto-transfer")).as("* is one segment").isFalse();
        assertThat(calls.isRepeatSafe("POST", "/users/u1/kyc-submissions")).isFalse();
        assertThat(calls.isRepeatSafe("DELETE", "/users")).isFalse();
        assertThat(calls.isRepeatSafe("POST", null)).isFalse();
    }

    @Test
    void patternCharactersInPathsAreLiteral() {
        RepeatSafeCalls dots = new RepeatSafeCalls("/a.b");
        assertThat(dots.isRepeatSafe("POST", "/a.b")).isTrue();
        assertThat(dots.isRepeatSafe("POST", "/axb")).isFalse();
        assertThat(new RepeatSafeCalls("").isRepeatSafe("POST", "/users")).isFalse();
    }

    /** As shipped (config/application.properties): no order creation is ever sent twice, by either upstream. */
    @Test
    void theShippedSettingsNeverRepeatAnOrderCreation() throws Exception {
        Properties shipped = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("config/application.properties"))) {
            shipped.load(in);
        }
        RepeatSafeCalls unigox = new RepeatSafeCalls(shipped.getProperty("unigox.retry.repeat-safe-posts"));
        RepeatSafeCalls changelly = new RepeatSafeCalls(shipped.getProperty("changelly.retry.repeat-safe-posts"));
        assertThat(unigox.isRepeatSafe("POST", "/offramp/initiate")).isFalse();
        assertThat(unigox.isRepeatSafe("POST", "/offramp/quote")).isFalse();
        assertThat(changelly.isRepeatSafe("POST", "/v1/sell/orders")).isFalse();
        assertThat(changelly.isRepeatSafe("PATCH", "/v1/sandbox/order/o1")).isFalse();
        assertThat(changelly.isRepeatSafe("POST", "/v1/validate-address")).isTrue();
        assertThat(changelly.isRepeatSafe("GET", "/v1/orders")).isTrue();
    }
}
