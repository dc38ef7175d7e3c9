package io.mutua.integration;

import io.mutua.web.Paths;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The feed addresses calendar apps subscribe to: {@code /calendar/<token>.ics}, open to anyone who has the address
 * (calendar apps cannot sign in) and answered without a session or a page around it. A feed that is unknown,
 * regenerated, revoked, or whose holder lost access is simply not found. Responses may be kept by the client
 * only to ask again with their ETag, so a revoked feed stops at the next refresh.
 */
@RestController
class CalendarFeedEndpoint {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final CalendarFeeds feeds;
    private final MessageSource messages;

    CalendarFeedEndpoint(CalendarFeeds feeds, MessageSource messages) {
        this.feeds = feeds;
        this.messages = messages;
    }

    @GetMapping(Paths.CALENDAR_FEEDS + "/{token:[A-Za-z0-9_-]+}.ics")
    ResponseEntity<String> feed(@PathVariable String token, Locale locale) {
        return feeds.read(token)
                .map(ics -> ResponseEntity.ok()
                        .contentType(TEXT_CALENDAR)
                        .cacheControl(CacheControl.noCache().cachePrivate())
                        .eTag(etag(ics))
                        .header("X-Robots-Tag", "noindex, nofollow")
                        .body(ics))
                .orElseGet(() -> notFound(locale));
    }

    /** Anything else under the feeds' path: not found, without an error page (which would start a session). */
    @GetMapping(Paths.CALENDAR_FEEDS + "/**")
    ResponseEntity<String> unknown(Locale locale) {
        return notFound(locale);
    }

    private ResponseEntity<String> notFound(Locale locale) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).cacheControl(CacheControl.noStore())
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(messages.getMessage("feeds.feedGone", null, locale) + "\n");
    }

    private static String etag(String ics) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ics.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
