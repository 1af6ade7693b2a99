package dev.offramp.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandardWebhookSignerTest {

    /** The specification's published vector (../shared/reference/standard-webhooks.md). */
    @Test
    void theSpecificationsVector() {
        StandardWebhookSigner signer = new StandardWebhookSigner("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(signer.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    /** Checked by a second implementation: the Standard Webhooks Java library verifies what we sign. */
    @Test
    void theStandardWebhooksLibraryVerifiesEachRotatedSecret() throws Exception {
        SecureRandom random = new SecureRandom();
        String oldSecret = secret(random);
        String newSecret = secret(random);
        StandardWebhookSigner signer = new StandardWebhookSigner(oldSecret + ", " + newSecret);
        for (int i = 0; i < 20; i++) {
            String body = "{\"type\":\"order.status_changed\",\"n\":" + random.nextInt() + ",\"text\":\"é\\u2028\"}";
            long now = System.currentTimeMillis() / 1000;
            String id = "msg_" + i;
            String signature = signer.sign(id, now, body.getBytes(StandardCharsets.UTF_8));
            assertThat(signature.split(" ")).hasSize(2);
            HttpHeaders headers = HttpHeaders.of(Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(now)),
                    "webhook-signature", List.of(signature)), (a, b) -> true);
            new Webhook(oldSecret).verify(body, headers);
            new Webhook(newSecret).verify(body, headers);
        }
    }

    @Test
    void badSecretsAreRefusedWithoutShowingThem() {
        assertThatThrownBy(() -> new StandardWebhookSigner("secret-value")).hasMessageContaining("secret 1").hasMessageNotContaining("secret-value");
        assertThatThrownBy(() -> new StandardWebhookSigner("whsec_ok, whsec_!!!")).hasMessageContaining("secret 1");
        assertThatThrownBy(() -> new StandardWebhookSigner("whsec_" + Base64.getEncoder().encodeToString(new byte[8])))
                .hasMessageContaining("at least 24 bytes");
        assertThatThrownBy(() -> new StandardWebhookSigner(" ")).hasMessageContaining("no events secret");
        assertThat(new StandardWebhookSigner("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").toString()).doesNotContain("MfKQ");
    }

    static String secret(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
