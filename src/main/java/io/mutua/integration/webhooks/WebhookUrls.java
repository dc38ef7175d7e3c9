package io.mutua.integration.webhooks;

import io.mutua.web.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Which addresses may receive webhooks: absolute {@code https://} URLs without credentials; plain {@code http://} only
 * to this machine ({@code localhost}, {@code 127.0.0.1}) and only when {@code mutua.webhooks.allow-http-localhost}
 * says so (tests, local development).
 */
record WebhookUrls(boolean allowHttpLocalhost) {

    static final int MAX_LENGTH = 2000;
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1");

    /** The URL, trimmed, or a 400 naming the field {@code url} and what is wrong. */
    String check(String raw) {
        String url = raw == null ? "" : raw.trim();
        if (url.isEmpty()) {
            throw new InvalidInputException("url", "validation.required");
        }
        if (url.length() > MAX_LENGTH) {
            throw new InvalidInputException("url", "webhooks.url.tooLong", MAX_LENGTH);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "webhooks.url.malformed");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new InvalidInputException("url", "webhooks.url.scheme");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInputException("url", "webhooks.url.credentials");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidInputException("url", "webhooks.url.malformed");
        }
        if (scheme.equals("http")
                && !(allowHttpLocalhost && LOCAL_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT)))) {
            throw new InvalidInputException("url", "webhooks.url.httpsOnly");
        }
        return url;
    }
}
