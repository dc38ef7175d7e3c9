create table stage (
    key           varchar(40)  primary key,
    name          varchar(80)  not null,
    position      int          not null,
    probability   int          not null check (probability between 0 and 100),
    triggers_plan boolean      not null default false,
    outcome       varchar(4)   check (outcome in ('WON', 'LOST')),
    version       bigint       not null
);
create unique index stage_single_trigger_uq on stage (triggers_plan) where triggers_plan;

insert into stage (key, name, position, probability, triggers_plan, outcome, version) values
    ('prospecting', 'Prospecting', 1, 10, false, null, 0),
    ('discovery', 'Discovery', 2, 20, true, null, 0),
    ('solution', 'Solution', 3, 40, false, null, 0),
    ('proposal', 'Proposal', 4, 60, false, null, 0),
    ('negotiation', 'Negotiation', 5, 80, false, null, 0),
    ('won', 'Won', 6, 100, false, 'WON', 0),
    ('lost', 'Lost', 7, 0, false, 'LOST', 0);

create table deal (
    id                  uuid          primary key,
    name                varchar(200)  not null,
    account             varchar(200)  not null,
    amount              numeric(15, 2),
    currency            char(3),
    owner_id            uuid          not null references app_user (id),
    stage_key           varchar(40)   not null references stage (key),
    status              varchar(4)    not null check (status in ('OPEN', 'WON', 'LOST')),
    expected_close_date date,
    crm_ref             varchar(100),
    close_reason        varchar(500),
    closed_at           timestamptz,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    version             bigint        not null,
    check ((amount is null) = (currency is null))
);
create unique index deal_crm_ref_uq on deal (crm_ref) where crm_ref is not null;
create index deal_owner_idx on deal (owner_id);
create index deal_stage_idx on deal (stage_key);

-- Append-only: every stage a deal entered, when and by whom. The basis of "how long stages really take".
create table deal_stage_history (
    id          bigserial    primary key,
    deal_id     uuid         not null references deal (id),
    from_stage  varchar(40)  references stage (key),
    to_stage    varchar(40)  not null references stage (key),
    changed_at  timestamptz  not null,
    actor_id    uuid         references app_user (id)
);
create index deal_stage_history_deal_idx on deal_stage_history (deal_id, changed_at);
