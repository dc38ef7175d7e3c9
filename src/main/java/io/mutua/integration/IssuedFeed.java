package io.mutua.integration;

import java.io.Serializable;
import java.util.UUID;

/**
 * A feed address just issued (created or regenerated): the only moment its secret exists outside the holder's
 * calendar app, since only a hash of it is stored.
 */
public record IssuedFeed(UUID feedId, String url) implements Serializable {

    /** The same address for calendar apps that subscribe when a {@code webcal:} link is opened. */
    public String webcalUrl() {
        return url.replaceFirst("^https?://", "webcal://");
    }
}
