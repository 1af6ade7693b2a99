package dev.offramp.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProviderTest {

    @Test
    void everythingAnUpstreamIsKnownByDerivesFromItsId() {
        assertThat(Provider.ids()).containsExactly("unigox", "changelly");
        assertThat(Provider.UNIGOX.displayName()).isEqualTo("Unigox");
        assertThat(Provider.CHANGELLY.variablePrefix()).isEqualTo("CHANGELLY");
        assertThat(Provider.UNIGOX.switchProperty()).isEqualTo("offramp.unigox.enabled");
        assertThat(Provider.CHANGELLY.switchVariable()).isEqualTo("OFFRAMP_CHANGELLY_ENABLED");
    }

    @Test
    void theOffersFanOutAsksEveryProviderOnceChangellyFirst() {
        assertThat(Provider.inOffersOrder()).containsExactly(Provider.CHANGELLY, Provider.UNIGOX)
                .containsExactlyInAnyOrder(Provider.values());
    }

    @Test
    void anUnknownIdIsNamedWithTheKnownOnes() {
        assertThat(Provider.fromId(" Unigox ")).isEqualTo(Provider.UNIGOX);
        assertThatThrownBy(() -> Provider.fromId("paypal"))
                .hasMessage("unknown provider 'paypal' (expected unigox or changelly)");
    }
}
