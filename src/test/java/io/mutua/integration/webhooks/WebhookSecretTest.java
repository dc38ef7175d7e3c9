package io.mutua.integration.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSecretTest {

    @Test
    void signsTheSpecificationsExampleMessageAsItsReferenceLibrariesDo() {
        WebhookSecret secret = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        assertThat(secret.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aGeneratedSecretHas32RandomBytesAndItsSignaturesVerifyIndependently() {
        WebhookSecret first = WebhookSecret.generate();
        WebhookSecret second = WebhookSecret.generate();

        assertThat(first.value()).startsWith("whsec_").isNotEqualTo(second.value());
        assertThat(Base64.getDecoder().decode(first.value().substring(6))).hasSize(32);
        long now = Instant.now().getEpochSecond();
        String signature = first.sign("msg_1", now, "{\"type\":\"webhook.test\"}");
        assertThat(StandardWebhooksVerifier.verifies(first.value(), "msg_1", Long.toString(now), signature,
                "{\"type\":\"webhook.test\"}")).isTrue();
        assertThat(StandardWebhooksVerifier.verifies(second.value(), "msg_1", Long.toString(now), signature,
                "{\"type\":\"webhook.test\"}")).as("another secret").isFalse();
        assertThat(StandardWebhooksVerifier.verifies(first.value(), "msg_1", Long.toString(now), signature,
                "{\"type\":\"webhook.tesT\"}")).as("another body").isFalse();
        assertThat(first.toString()).doesNotContain(first.value().substring(6));
    }

    @Test
    void onlyWhsecSecretsAreAccepted() {
        assertThatThrownBy(() -> new WebhookSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
