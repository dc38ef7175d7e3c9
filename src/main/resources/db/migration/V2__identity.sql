create table team (
    id         uuid         primary key,
    name       varchar(100) not null,
    created_at timestamptz  not null,
    version    bigint       not null
);
create unique index team_name_uq on team (lower(name));

create table app_user (
    id            uuid         primary key,
    email         varchar(254) not null,
    name          varchar(100) not null,
    password_hash varchar(200) not null,
    role          varchar(10)  not null check (role in ('ADMIN', 'MANAGER', 'REP', 'CS')),
    team_id       uuid         references team (id),
    active        boolean      not null,
    locale        varchar(10),
    created_at    timestamptz  not null,
    version       bigint       not null
);
create unique index app_user_email_uq on app_user (lower(email));
create index app_user_team_idx on app_user (team_id);

create table api_token (
    id           uuid         primary key,
    user_id      uuid         not null references app_user (id),
    name         varchar(100) not null,
    token_hash   char(64)     not null unique,
    created_at   timestamptz  not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_user_idx on api_token (user_id);

-- Failed sign-ins, for throttling; rows older than the window are irrelevant and pruned.
create table login_failure (
    id        bigserial    primary key,
    email     varchar(254) not null,
    failed_at timestamptz  not null
);
create index login_failure_email_idx on login_failure (lower(email), failed_at);
