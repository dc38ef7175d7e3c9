-- How each person wants to be told, keyed by lower(email): a seller is also a user, a buyer may be a participant of
-- several plans. A person without a row has the defaults (see Preferences). The version guards concurrent edits.
create table notification_setting (
    email      varchar(254) primary key check (email = lower(email)),
    time_zone  varchar(64),
    updated_at timestamptz  not null,
    version    bigint       not null
);

-- The mode chosen for a group of kinds (see KindGroup), everywhere.
create table notification_group_mode (
    email      varchar(254) not null references notification_setting (email) on delete cascade,
    kind_group varchar(30)  not null,
    mode       varchar(10)  not null check (mode in ('IMMEDIATE', 'DIGEST', 'OFF')),
    primary key (email, kind_group)
);

-- One plan's override: every notification about it in this mode, whatever the groups say.
create table notification_plan_mode (
    email   varchar(254) not null references notification_setting (email) on delete cascade,
    plan_id uuid         not null references plan (id) on delete cascade,
    mode    varchar(10)  not null check (mode in ('IMMEDIATE', 'DIGEST', 'OFF')),
    primary key (email, plan_id)
);

-- One-click unsubscribe: a random 256-bit token per email sent, stored only as its SHA-256; scope is one plan
-- (plan_id) or everything (null).
create table unsubscribe_token (
    token_hash char(64)     primary key,
    email      varchar(254) not null,
    plan_id    uuid         references plan (id) on delete cascade,
    created_at timestamptz  not null,
    used_at    timestamptz
);

-- The day (in the person's time zone) each person's digest was sent, so that a day never has two.
create table notification_digest (
    email      varchar(254) not null,
    local_date date         not null,
    sent_at    timestamptz  not null,
    primary key (email, local_date)
);
