-- People who own deals in imported CRM history but have no login (yet), e.g. reps who left: their deals still count
-- in statistics and forecasts. Such a row is never active; creating a user with the same email claims it.
alter table app_user add column named_only boolean not null default false;

-- The latest forecast of each open deal: a read model, recomputed when something relevant changes and daily.
create table deal_health (
    deal_id                   uuid        primary key references deal (id) on delete cascade,
    plan_id                   uuid,
    health                    varchar(8)  not null check (health in ('ON_TRACK', 'AT_RISK', 'STALLED')),
    -- [{"code": "...", "severity": "AT_RISK|STALLED", "args": ["...", ...]}], in the order shown
    reasons                   jsonb       not null,
    predicted_close           date,
    prediction_source         varchar(8)  not null check (prediction_source in ('PLAN', 'STAGES', 'NONE')),
    expected_close            date,
    target_close              date,
    slip_business_days        int,
    target_slip_business_days int,
    computed_at               timestamptz not null
);
create index deal_health_health_idx on deal_health (health);
create index deal_health_predicted_idx on deal_health (predicted_close);

-- Each open deal's predicted close as it stood at the end of each day it was computed: "which deals slipped most
-- this month" compares the latest with the one before the month began.
create table deal_prediction (
    deal_id         uuid not null references deal (id) on delete cascade,
    recorded_on     date not null,
    predicted_close date not null,
    primary key (deal_id, recorded_on)
);

-- A CRM history import in progress or done: the uploaded files, the mapping chosen, progress and the outcome.
create table crm_import (
    id             uuid         primary key,
    created_by     uuid         not null references app_user (id),
    created_at     timestamptz  not null,
    file_name      varchar(255) not null,
    file           bytea        not null,
    history_name   varchar(255),
    history        bytea,
    mapping        jsonb,
    status         varchar(10)  not null check (status in ('UPLOADED', 'RUNNING', 'DONE', 'FAILED')),
    total_rows     int          not null default 0,
    processed_rows int          not null default 0,
    outcome        jsonb,
    finished_at    timestamptz,
    version        bigint       not null
);
create index crm_import_created_by_idx on crm_import (created_by, created_at);
