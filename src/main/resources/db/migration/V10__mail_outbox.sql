-- The mail outbox: every email is a row written in the transaction of the change that causes it, and a worker
-- delivers it. A dedupe key makes queuing the same email twice a no-op. The row id is the email's Message-ID, so a
-- resend is recognisably the same email. Magic links are never stored: link_purpose asks for a fresh one at delivery.
create table mail_outbox (
    id              uuid         primary key,
    kind            varchar(40)  not null,
    recipient       varchar(254) not null,
    subject         varchar(500) not null,
    text_body       text,
    html_body       text,
    headers         jsonb        not null default '{}',
    link_plan_id    uuid,
    link_purpose    varchar(10)  check (link_purpose in ('SIGN_IN', 'JOIN')),
    dedupe_key      varchar(300) not null,
    status          varchar(10)  not null default 'QUEUED' check (status in ('QUEUED', 'SENT', 'FAILED')),
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    -- 1: someone is waiting for it (a sign-in link, an invitation, a welcome); 0: notifications and digests
    priority        smallint     not null default 0,
    last_error      varchar(1000),
    created_at      timestamptz  not null,
    sent_at         timestamptz
);
create unique index mail_outbox_dedupe_uq on mail_outbox (dedupe_key);
create index mail_outbox_due_idx on mail_outbox (priority desc, next_attempt_at) where status = 'QUEUED';
create index mail_outbox_created_idx on mail_outbox (created_at desc);

-- ShedLock: scheduled jobs (digests, reminders) run on one node at a time.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
