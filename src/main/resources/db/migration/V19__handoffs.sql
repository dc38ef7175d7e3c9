-- Who receives the onboarding handoffs of won deals: one CS user, or a team; neither = the CS users of the
-- deal owner's team. A single row.
create table handoff_setting (
    id                int    primary key check (id = 1),
    recipient_user_id uuid   references app_user (id),
    recipient_team_id uuid   references team (id),
    version           bigint not null,
    check (recipient_user_id is null or recipient_team_id is null)
);
insert into handoff_setting (id, recipient_user_id, recipient_team_id, version) values (1, null, null, 0);

-- The handoff of a won deal to customer success: once per deal, with the recipients resolved when it was made,
-- the account executive's internal notes and the onboarding plan once started.
create table handoff (
    id                 uuid        primary key,
    deal_id            uuid        not null references deal (id),
    created_at         timestamptz not null,
    notes              text,
    notes_updated_at   timestamptz,
    notes_updated_by   uuid        references app_user (id),
    onboarding_plan_id uuid        references plan (id),
    version            bigint      not null
);
create unique index handoff_deal_uq on handoff (deal_id);

create table handoff_recipient (
    handoff_id uuid not null references handoff (id) on delete cascade,
    user_id    uuid not null references app_user (id),
    primary key (handoff_id, user_id)
);
create index handoff_recipient_user_idx on handoff_recipient (user_id);

-- People who may see a deal beyond the usual rule (a CS user of another team who received its handoff).
create table deal_viewer (
    deal_id uuid not null references deal (id),
    user_id uuid not null references app_user (id),
    primary key (deal_id, user_id)
);
create index deal_viewer_user_idx on deal_viewer (user_id);

-- What a playbook is for: closing a deal (chosen for new deals) or onboarding a customer after the win.
alter table playbook add column purpose varchar(10) not null default 'CLOSING'
    check (purpose in ('CLOSING', 'ONBOARDING'));

insert into playbook (id, name, description, segment, min_amount, max_amount, priority, is_default, archived,
        current_version, created_at, updated_at, version, purpose)
values ('0b0a4d10-0000-4000-8000-000000000001', 'Customer onboarding',
        'From signature to go-live: kickoff, setup, training and the first success review with the customer.',
        null, null, null, 100, false, false, 1, now(), now(), 0, 'ONBOARDING');

insert into playbook_version (playbook_id, number, content, frozen, created_at, created_by)
values ('0b0a4d10-0000-4000-8000-000000000001', 1, '{
  "milestones": [
    {"title": "Kickoff", "steps": [
      {"key": "onboarding-kickoff", "title": "Kickoff meeting with the customer team",
       "guidance": "Done when both sides agree on goals, the timeline and who does what.", "side": "SELLER",
       "ownerRole": "CUSTOMER_SUCCESS", "visibility": "SHARED", "stage": "negotiation", "defaultDays": 3,
       "dependsOn": []},
      {"key": "onboarding-handoff-review", "title": "Review the handoff notes with the account executive",
       "guidance": "Go through the promises made during the sale before meeting the customer.", "side": "SELLER",
       "ownerRole": "CUSTOMER_SUCCESS", "visibility": "INTERNAL", "stage": "negotiation", "defaultDays": 1,
       "dependsOn": []}
    ]},
    {"title": "Setup", "steps": [
      {"key": "onboarding-access", "title": "Give access to the users and connect the systems",
       "guidance": "", "side": "BUYER", "ownerRole": "TECHNICAL_EVALUATOR", "visibility": "SHARED",
       "stage": "negotiation", "defaultDays": 5, "dependsOn": ["onboarding-kickoff"]},
      {"key": "onboarding-configuration", "title": "Configure the product for the agreed use cases",
       "guidance": "", "side": "SELLER", "ownerRole": "CUSTOMER_SUCCESS", "visibility": "SHARED",
       "stage": "negotiation", "defaultDays": 5, "dependsOn": ["onboarding-access"]}
    ]},
    {"title": "Go-live", "steps": [
      {"key": "onboarding-training", "title": "Train the users", "guidance": "", "side": "SELLER",
       "ownerRole": "CUSTOMER_SUCCESS", "visibility": "SHARED", "stage": "negotiation", "defaultDays": 3,
       "dependsOn": ["onboarding-configuration"]},
      {"key": "onboarding-success-review", "title": "First success review against the success criteria",
       "guidance": "", "side": "BUYER", "ownerRole": "CHAMPION", "visibility": "SHARED", "stage": "negotiation",
       "defaultDays": 2, "dependsOn": ["onboarding-training"]}
    ]}
  ]
}'::jsonb, false, now(), null);
