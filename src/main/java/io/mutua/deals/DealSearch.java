package io.mutua.deals;

import java.util.UUID;

/** Filters for the deal list; null means "any". {@code page} counts from 0. */
public record DealSearch(String stage, DealStatus status, UUID ownerId, String text, int page, int size) {

    public static final int DEFAULT_SIZE = 25;
    public static final int MAX_SIZE = 100;

    public DealSearch {
        text = text == null || text.isBlank() ? null : text.trim();
        stage = stage == null || stage.isBlank() ? null : stage;
        page = Math.max(0, page);
        size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    public static DealSearch all() {
        return new DealSearch(null, null, null, null, 0, DEFAULT_SIZE);
    }
}
