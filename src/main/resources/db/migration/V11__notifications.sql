-- What each person is told about: one row per recipient and event, written in the transaction of the change. The
-- mode is the recipient's preference when it was recorded: IMMEDIATE rows are emailed at once (mail_id), DIGEST
-- rows wait for the next daily digest (digested_at), OFF rows are only kept. The dedupe key makes recording the
-- same notification twice a no-op.
create table notification (
    id                       uuid         primary key,
    plan_id                  uuid         references plan (id) on delete cascade,
    step_id                  uuid,
    recipient_email          varchar(254) not null,
    recipient_user_id        uuid         references app_user (id) on delete cascade,
    recipient_participant_id uuid         references participant (id) on delete cascade,
    kind                     varchar(40)  not null,
    importance               int          not null,
    args                     jsonb        not null default '[]',
    actor_name               varchar(200),
    mode                     varchar(10)  not null check (mode in ('IMMEDIATE', 'DIGEST', 'OFF')),
    dedupe_key               varchar(300) not null,
    created_at               timestamptz  not null,
    mail_id                  uuid,
    digested_at              timestamptz,
    check (num_nonnulls(recipient_user_id, recipient_participant_id) = 1)
);
create unique index notification_dedupe_uq on notification (dedupe_key);
create index notification_digest_idx on notification (lower(recipient_email), created_at)
    where mode = 'DIGEST' and digested_at is null;
