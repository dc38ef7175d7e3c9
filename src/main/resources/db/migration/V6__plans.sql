-- Business-day calendar: weekends are off, and so are these days.
create table holiday (
    day     date         primary key,
    name    varchar(100) not null,
    version bigint       not null
);

-- One plan per deal and kind; the unique key is what makes generation happen exactly once.
create table plan (
    id               uuid         primary key,
    deal_id          uuid         not null references deal (id),
    kind             varchar(12)  not null check (kind in ('CLOSING', 'MUTUAL', 'ONBOARDING')),
    status           varchar(8)   not null check (status in ('DRAFT', 'ACTIVE', 'SIGNED', 'CLOSED')),
    playbook_id      uuid,
    playbook_version int,
    edited           boolean      not null,
    generated_at     timestamptz  not null,
    updated_at       timestamptz  not null,
    version          bigint       not null,
    unique (deal_id, kind)
);

create table plan_milestone (
    id       uuid         primary key,
    plan_id  uuid         not null references plan (id) on delete cascade,
    position int          not null,
    title    varchar(200) not null,
    version  bigint       not null
);
create index plan_milestone_plan_idx on plan_milestone (plan_id);

create table plan_step (
    id               uuid         primary key,
    plan_id          uuid         not null references plan (id) on delete cascade,
    milestone_id     uuid         not null references plan_milestone (id) on delete cascade,
    position         int          not null,
    key              varchar(60),
    title            varchar(200) not null,
    description      text,
    side             varchar(6)   not null check (side in ('SELLER', 'BUYER')),
    owner_role       varchar(40),
    visibility       varchar(8)   not null check (visibility in ('INTERNAL', 'SHARED')),
    stage_key        varchar(40),
    duration_days    int          not null check (duration_days between 1 and 250),
    estimate_source  varchar(16)  not null check (estimate_source in ('STEP_HISTORY', 'STAGE_HISTORY', 'PLAYBOOK_DEFAULT', 'MANUAL')),
    estimate_samples int          not null,
    status           varchar(12)  not null check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'BLOCKED', 'SKIPPED')),
    baseline_date    date         not null,
    target_date      date         not null,
    pinned           boolean      not null,
    started_at       timestamptz,
    completed_at     timestamptz,
    version          bigint       not null
);
create index plan_step_plan_idx on plan_step (plan_id);
create index plan_step_key_done_idx on plan_step (key, completed_at) where status = 'DONE';

-- Finish-to-start dependencies between the steps of one plan.
create table plan_step_dependency (
    plan_step  uuid not null references plan_step (id) on delete cascade,
    depends_on uuid not null references plan_step (id) on delete cascade,
    primary key (plan_step, depends_on)
);

-- Owners of a step: a seller user, or a role placeholder until a person is known.
create table plan_step_owner (
    plan_step uuid        not null references plan_step (id) on delete cascade,
    position  int         not null,
    user_id   uuid        references app_user (id),
    role      varchar(40),
    primary key (plan_step, position),
    check ((user_id is null) <> (role is null))
);

-- Append-only: every change to a plan, who made it, before and after.
create table plan_activity (
    id         bigserial    primary key,
    plan_id    uuid         not null references plan (id) on delete cascade,
    step_id    uuid,
    actor_id   uuid         references app_user (id),
    action     varchar(40)  not null,
    subject    varchar(200),
    before     text,
    after      text,
    at         timestamptz  not null
);
create index plan_activity_plan_idx on plan_activity (plan_id, at desc);
