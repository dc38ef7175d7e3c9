-- Calendar feeds: a secret address per plan and holder (a seller user or a buyer participant) that calendar apps
-- subscribe to. Only a SHA-256 hash of the token is kept; regenerating replaces it, revoking ends the feed.
create table calendar_feed (
    id              uuid        primary key,
    plan_id         uuid        not null references plan (id) on delete cascade,
    user_id         uuid        references app_user (id) on delete cascade,
    participant_id  uuid        references participant (id) on delete cascade,
    scope           varchar(4)  not null check (scope in ('PLAN', 'MINE')),
    token_hash      char(64)    not null,
    created_at      timestamptz not null,
    regenerated_at  timestamptz,
    revoked_at      timestamptz,
    last_fetched_at timestamptz,
    check (num_nonnulls(user_id, participant_id) = 1)
);
create unique index calendar_feed_token_uq on calendar_feed (token_hash);
create index calendar_feed_plan_user_idx on calendar_feed (plan_id, user_id) where revoked_at is null;
create index calendar_feed_participant_idx on calendar_feed (participant_id) where revoked_at is null;
