package dev.offramp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequiredSettingsTest {

    static final List<String> BOTH = List.of("unigox", "changelly");

    static Map<String, String> complete() {
        Map<String, String> settings = new HashMap<>();
        RequiredSettings.COMMON.keySet().forEach(k -> settings.put(k, "set"));
        RequiredSettings.PER_UPSTREAM.values().forEach(m -> m.keySet().forEach(k -> settings.put(k, "set")));
        return settings;
    }

    @Test
    void nothingMissingWhenEverythingIsSet() {
        assertThat(RequiredSettings.missing(complete()::get, BOTH)).isEmpty();
        assertThatCode(() -> RequiredSettings.requireAll("prod", complete()::get, BOTH)).doesNotThrowAnyException();
    }

    @Test
    void withBothUpstreamsEverythingIsNamedInAStableOrder() {
        assertThat(RequiredSettings.missing(k -> null, BOTH)).containsExactly(
                "OFFRAMP_DB_URL", "OFFRAMP_DB_USER", "OFFRAMP_DB_PASSWORD", "OFFRAMP_API_KEYS", "OFFRAMP_ADMIN_KEYS",
                "UNIGOX_BASE_URL", "UNIGOX_API_KEY", "UNIGOX_WEBHOOK_SECRETS", "UNIGOX_WEBHOOK_URL",
                "CHANGELLY_BASE_URL", "CHANGELLY_API_KEY", "CHANGELLY_PRIVATE_KEY", "CHANGELLY_CALLBACK_PUBLIC_KEYS");
    }

    @Test
    void unigoxOnlyNeedsNoChangellySetting() {
        Map<String, String> settings = complete();
        RequiredSettings.PER_UPSTREAM.get("changelly").keySet().forEach(settings::remove);
        assertThat(RequiredSettings.missing(settings::get, List.of("unigox"))).isEmpty();

        settings.put("unigox.api-key", " ");
        settings.remove("offramp.db.password");
        assertThat(RequiredSettings.missing(settings::get, List.of("unigox")))
                .containsExactly("OFFRAMP_DB_PASSWORD", "UNIGOX_API_KEY");
    }

    @Test
    void changellyOnlyNeedsNoUnigoxSetting() {
        assertThat(RequiredSettings.missing(k -> null, List.of("changelly"))).containsExactly(
                "OFFRAMP_DB_URL", "OFFRAMP_DB_USER", "OFFRAMP_DB_PASSWORD", "OFFRAMP_API_KEYS", "OFFRAMP_ADMIN_KEYS",
                "CHANGELLY_BASE_URL", "CHANGELLY_API_KEY", "CHANGELLY_PRIVATE_KEY", "CHANGELLY_CALLBACK_PUBLIC_KEYS");
    }

    @Test
    void theRefusalNamesTheVariablesAndNeverAValue() {
        Map<String, String> settings = complete();
        settings.put("offramp.db.password", "db-SECRET");
        settings.remove("changelly.private-key");
        assertThatThrownBy(() -> RequiredSettings.requireAll("prod", settings::get, List.of("changelly")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Refusing to start in profile 'prod': required settings are missing. "
                        + "Set these environment variables: CHANGELLY_PRIVATE_KEY");
    }
}
