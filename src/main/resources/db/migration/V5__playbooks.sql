-- A playbook is a plan template; its content (milestones and steps) is versioned. A version handed out to a plan
-- is frozen: editing the playbook then writes a new version, so plans keep the one they came from.
create table playbook (
    id              uuid          primary key,
    name            varchar(120)  not null,
    description     varchar(1000),
    segment         varchar(60),
    min_amount      numeric(15, 2),
    max_amount      numeric(15, 2),
    priority        int           not null,
    is_default      boolean       not null,
    archived        boolean       not null,
    current_version int           not null,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    version         bigint        not null
);
create unique index playbook_name_uq on playbook (lower(name));
create unique index playbook_single_default_uq on playbook (is_default) where is_default;

create table playbook_version (
    playbook_id uuid        not null references playbook (id),
    number      int         not null,
    content     jsonb       not null,
    frozen      boolean     not null,
    created_at  timestamptz not null,
    created_by  uuid,
    primary key (playbook_id, number)
);
