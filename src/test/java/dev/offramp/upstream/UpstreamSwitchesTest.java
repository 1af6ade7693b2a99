package dev.offramp.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offramp.http.ApiProblem;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpstreamSwitchesTest {

    static UpstreamSwitches switches(String unigox, String changelly) {
        Map<String, String> settings = new HashMap<>();
        settings.put("offramp.unigox.enabled", unigox);
        settings.put("offramp.changelly.enabled", changelly);
        return UpstreamSwitches.from(settings::get);
    }

    @Test
    void bothOnByDefault() {
        UpstreamSwitches both = switches(null, "");
        assertThat(both.enabledUpstreams()).containsExactly("unigox", "changelly");
        assertThatCode(() -> both.require("unigox")).doesNotThrowAnyException();
        assertThatCode(() -> both.require("changelly")).doesNotThrowAnyException();
        assertThatCode(() -> both.requireWebhooks("unigox")).doesNotThrowAnyException();
    }

    @Test
    void valuesAreReadWhateverTheirCaseAndSpaces() {
        UpstreamSwitches s = switches(" FALSE ", "True");
        assertThat(s.enabledUpstreams()).containsExactly("changelly");
        assertThat(s.enabled("unigox")).isFalse();
        assertThat(s.enabled("changelly")).isTrue();
    }

    @Test
    void aSwitchedOffUpstreamsOperationsAnswer409UpstreamDisabledNamingTheUpstreamAndItsVariable() {
        UpstreamSwitches changellyOnly = switches("false", "true");
        assertThatThrownBy(() -> changellyOnly.require("unigox"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.getStatus()).isEqualTo(409);
                    assertThat(p.getCode()).isEqualTo("upstream_disabled");
                    assertThat(p.getMessage()).contains("Unigox").contains("OFFRAMP_UNIGOX_ENABLED=false");
                    assertThat(p.getUpstream()).containsEntry("provider", "unigox");
                    assertThat(p.getField()).isNull();
                });
        assertThatCode(() -> changellyOnly.require("changelly")).doesNotThrowAnyException();

        UpstreamSwitches unigoxOnly = switches("true", "false");
        assertThatThrownBy(() -> unigoxOnly.require("changelly"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.getMessage())
                        .contains("Changelly").contains("OFFRAMP_CHANGELLY_ENABLED=false"));
    }

    @Test
    void aSwitchedOffUpstreamsWebhookPathIs404() {
        assertThatThrownBy(() -> switches("false", "true").requireWebhooks("unigox"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.getStatus()).isEqualTo(404);
                    assertThat(p.getCode()).isEqualTo("upstream_disabled");
                });
    }

    @Test
    void bothOffRefusesToStartNamingBothSwitches() {
        assertThatThrownBy(() -> switches("false", "false"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Refusing to start")
                .hasMessageContaining("OFFRAMP_UNIGOX_ENABLED and OFFRAMP_CHANGELLY_ENABLED are both false");
    }

    @Test
    void aValueThatIsNeitherTrueNorFalseRefusesToStartNamingTheVariable() {
        assertThatThrownBy(() -> switches("true", "no"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OFFRAMP_CHANGELLY_ENABLED must be true or false, not 'no'");
    }

    @Test
    void anUnknownUpstreamIsAProgrammingError() {
        assertThatThrownBy(() -> UpstreamSwitches.allEnabled().require("paypal")).isInstanceOf(IllegalArgumentException.class);
    }
}
