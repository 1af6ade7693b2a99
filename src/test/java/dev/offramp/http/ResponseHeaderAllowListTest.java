package dev.offramp.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResponseHeaderAllowListTest {

    @Test
    void theBundlesOwnHeadersPassInAnyCase() {
        for (String name : new String[] {"Content-Type", "content-length", "X-Correlation-Id", "Retry-After", "Server-Timing", "Location", "Allow"}) {
            assertThat(ResponseHeaderAllowList.allows(name)).as(name).isTrue();
        }
    }

    @Test
    void anythingAClientOrAnUpstreamCouldSlipInDoesNot() {
        for (String name : new String[] {"Set-Cookie", "Access-Control-Allow-Origin", "X-Foo", "X-API-Key", "Idempotency-Key",
                "Authorization", "Server", "Refresh", "Content-Security-Policy", "id", "status", "", null}) {
            assertThat(ResponseHeaderAllowList.allows(name)).as(String.valueOf(name)).isFalse();
        }
    }
}
