package io.mutua.integration.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutua.web.InvalidInputException;
import org.junit.jupiter.api.Test;

class WebhookUrlsTest {

    private final WebhookUrls production = new WebhookUrls(false);
    private final WebhookUrls local = new WebhookUrls(true);

    @Test
    void httpsAddressesAreAcceptedAsTyped() {
        assertThat(production.check("  https://hooks.example.com/mutua?x=1 ")).isEqualTo(
                "https://hooks.example.com/mutua?x=1");
        assertThat(production.check("HTTPS://hooks.example.com:8443/in")).isEqualTo("HTTPS://hooks.example.com:8443/in");
    }

    @Test
    void plainHttpOnlyToThisMachineAndOnlyWhenAllowed() {
        assertRejected(production, "http://localhost:8080/hook", "webhooks.url.httpsOnly");
        assertRejected(production, "http://127.0.0.1:9000/hook", "webhooks.url.httpsOnly");
        assertThat(local.check("http://localhost:8080/hook")).isEqualTo("http://localhost:8080/hook");
        assertThat(local.check("http://127.0.0.1:9000/hook")).isEqualTo("http://127.0.0.1:9000/hook");
        assertRejected(local, "http://hooks.example.com/hook", "webhooks.url.httpsOnly");
        assertRejected(local, "http://localhost.example.com/hook", "webhooks.url.httpsOnly");
    }

    @Test
    void otherSchemesCredentialsAndMalformedAddressesAreRefusedWithAReason() {
        assertRejected(production, "ftp://files.example.com/in", "webhooks.url.scheme");
        assertRejected(production, "javascript:alert(1)", "webhooks.url.scheme");
        assertRejected(production, "hooks.example.com/in", "webhooks.url.scheme");
        assertRejected(production, "https://user:secret@hooks.example.com/in", "webhooks.url.credentials");
        assertRejected(production, "https://hooks example.com/in", "webhooks.url.malformed");
        assertRejected(production, "https:///in", "webhooks.url.malformed");
        assertRejected(production, "   ", "validation.required");
        assertRejected(production, "https://example.com/" + "a".repeat(2000), "webhooks.url.tooLong");
    }

    private static void assertRejected(WebhookUrls urls, String url, String key) {
        assertThatThrownBy(() -> urls.check(url)).as(url).isInstanceOfSatisfying(InvalidInputException.class,
                e -> {
                    assertThat(e.field()).isEqualTo("url");
                    assertThat(e.messageKey()).isEqualTo(key);
                });
    }
}
