package io.mutua.integration;

/**
 * What a calendar feed holds: every dated step of the plan its holder may see ({@code PLAN}), or only the steps
 * the holder owns as a person ({@code MINE}; a role placeholder is nobody yet). Both hold the plan's key dates.
 */
public enum FeedScope {
    PLAN, MINE
}
