package dev.offramp.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UpstreamBaseUrlTest {

    static final String PARTNER = "/api/v1/partner";

    @Test
    void theDocumentedUnigoxServerGetsThePartnerPrefixAppended() {
        UpstreamBaseUrl url = UpstreamBaseUrl.parse("UNIGOX_BASE_URL", "https://api.unigox.com", PARTNER);
        assertThat(url.apiRoot()).isEqualTo("https://api.unigox.com/api/v1/partner");
        assertThat(url.server()).isEqualTo("https://api.unigox.com");
        assertThat(url.prefixRemoved()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api-staging.unigox.com/", "https://api-staging.unigox.com//", "  https://api-staging.unigox.com  "})
    void trailingSlashesAndBlanksAreIgnored(String value) {
        UpstreamBaseUrl url = UpstreamBaseUrl.parse("UNIGOX_BASE_URL", value, PARTNER);
        assertThat(url.apiRoot()).isEqualTo("https://api-staging.unigox.com/api/v1/partner");
        assertThat(url.prefixRemoved()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.unigox.com/api/v1/partner", "https://api.unigox.com/api/v1/partner/"})
    void theOldFormEndingInThePrefixIsNormalised(String value) {
        UpstreamBaseUrl url = UpstreamBaseUrl.parse("UNIGOX_BASE_URL", value, PARTNER);
        assertThat(url.apiRoot()).isEqualTo("https://api.unigox.com/api/v1/partner");
        assertThat(url.prefixRemoved()).isTrue();
    }

    @Test
    void aPathInFrontOfTheApiIsKeptWithItsPort() {
        UpstreamBaseUrl url = UpstreamBaseUrl.parse("UNIGOX_BASE_URL", "http://localhost:8080/sandbox/unigox", PARTNER);
        assertThat(url.apiRoot()).isEqualTo("http://localhost:8080/sandbox/unigox/api/v1/partner");
        UpstreamBaseUrl legacy = UpstreamBaseUrl.parse("UNIGOX_BASE_URL", "http://localhost:8080/sandbox/unigox/api/v1/partner", PARTNER);
        assertThat(legacy.apiRoot()).isEqualTo(url.apiRoot());
        assertThat(legacy.prefixRemoved()).isTrue();
    }

    @Test
    void changellyWithOrWithoutTrailingSlashOrV1() {
        assertThat(UpstreamBaseUrl.parse("CHANGELLY_BASE_URL", "https://fiat-api.changelly.com", "/v1").server())
                .isEqualTo("https://fiat-api.changelly.com");
        assertThat(UpstreamBaseUrl.parse("CHANGELLY_BASE_URL", "https://fiat-api.changelly.com/", "/v1").server())
                .isEqualTo("https://fiat-api.changelly.com");
        UpstreamBaseUrl v1 = UpstreamBaseUrl.parse("CHANGELLY_BASE_URL", "https://fiat-api.changelly.com/v1/", "/v1");
        assertThat(v1.server()).isEqualTo("https://fiat-api.changelly.com");
        assertThat(v1.prefixRemoved()).isTrue();
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertThat(UpstreamBaseUrl.parse("UNIGOX_BASE_URL", "HTTPS://api.unigox.com", PARTNER).apiRoot())
                .isEqualTo("https://api.unigox.com/api/v1/partner");
    }

    @ParameterizedTest
    @ValueSource(strings = {"api.unigox.com", "/api/v1/partner", "ftp://api.unigox.com", "https://", "https:api.unigox.com",
        "mailto:ops@unigox.com", "https://api unigox.com"})
    void notAnAbsoluteHttpUrlIsRefusedNamingTheVariable(String value) {
        assertThatThrownBy(() -> UpstreamBaseUrl.parse("UNIGOX_BASE_URL", value, PARTNER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("UNIGOX_BASE_URL ");
        if (value.length() > "https://".length()) {
            assertThatThrownBy(() -> UpstreamBaseUrl.parse("UNIGOX_BASE_URL", value, PARTNER)).hasMessageNotContaining(value);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.unigox.com?env=staging", "https://api.unigox.com/?", "https://api.unigox.com#top",
        "https://api.unigox.com/api/v1/partner#x"})
    void aQueryOrFragmentIsRefused(String value) {
        assertThatThrownBy(() -> UpstreamBaseUrl.parse("CHANGELLY_BASE_URL", value, "/v1"))
                .hasMessageStartingWith("CHANGELLY_BASE_URL must not carry a")
                .hasMessageNotContaining(value);
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutRepeatingThem() {
        assertThatThrownBy(() -> UpstreamBaseUrl.parse("UNIGOX_BASE_URL", "https://partner:s3cret@api.unigox.com", PARTNER))
                .hasMessageStartingWith("UNIGOX_BASE_URL must not carry user information")
                .hasMessageNotContaining("s3cret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankIsRefused(String value) {
        assertThatThrownBy(() -> UpstreamBaseUrl.parse("UNIGOX_BASE_URL", value, PARTNER))
                .hasMessageStartingWith("UNIGOX_BASE_URL is not set");
    }
}
