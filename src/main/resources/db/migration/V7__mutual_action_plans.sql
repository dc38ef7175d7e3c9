-- MEDDPICC qualification of a deal: one row per element that someone has assessed (absent = UNKNOWN).
create table qualification (
    deal_id       uuid         not null references deal (id),
    element       varchar(20)  not null check (element in ('METRICS', 'ECONOMIC_BUYER', 'DECISION_CRITERIA',
                      'DECISION_PROCESS', 'PAPER_PROCESS', 'IDENTIFY_PAIN', 'CHAMPION', 'COMPETITION')),
    status        varchar(10)  not null check (status in ('UNKNOWN', 'PARTIAL', 'CONFIRMED')),
    notes         text,
    contact_name  varchar(200),
    contact_email varchar(254),
    updated_at    timestamptz  not null,
    updated_by    uuid         references app_user (id),
    version       bigint       not null,
    primary key (deal_id, element)
);

-- Which elements must be CONFIRMED before a closing plan may become a mutual action plan.
create table qualification_requirement (
    element  varchar(20) primary key,
    required boolean     not null,
    version  bigint      not null
);
insert into qualification_requirement (element, required, version) values
    ('METRICS', false, 0), ('ECONOMIC_BUYER', true, 0), ('DECISION_CRITERIA', false, 0),
    ('DECISION_PROCESS', false, 0), ('PAPER_PROCESS', false, 0), ('IDENTIFY_PAIN', false, 0),
    ('CHAMPION', true, 0), ('COMPETITION', false, 0);

-- A deal has one sales plan (closing, later mutual) and may get an onboarding plan: exactly once each.
alter table plan drop constraint plan_deal_id_kind_key;
create unique index plan_sales_plan_uq on plan (deal_id) where kind in ('CLOSING', 'MUTUAL');
create unique index plan_onboarding_plan_uq on plan (deal_id) where kind = 'ONBOARDING';

alter table plan
    add column language             varchar(5)  not null default 'en',
    add column converted_at         timestamptz,
    add column converted_by         uuid references app_user (id),
    add column conversion_override  varchar(500),
    add column target_signature     date,
    add column target_go_live       date,
    add column allowed_domains      varchar(500);

-- The buyer-facing sections of a mutual action plan, in Markdown.
create table plan_section (
    plan_id    uuid        not null references plan (id) on delete cascade,
    key        varchar(20) not null check (key in ('PROBLEMS', 'SOLUTION', 'SUCCESS_CRITERIA', 'BUYING_PROCESS')),
    content    text        not null,
    updated_at timestamptz not null,
    version    bigint      not null,
    primary key (plan_id, key)
);

-- People of both sides on one plan. Sellers are users; buyers are only this row and their email.
create table participant (
    id            uuid         primary key,
    plan_id       uuid         not null references plan (id) on delete cascade,
    side          varchar(6)   not null check (side in ('SELLER', 'BUYER')),
    user_id       uuid         references app_user (id),
    name          varchar(200) not null,
    email         varchar(254) not null,
    title         varchar(200),
    buying_role   varchar(30),
    main_contact  boolean      not null,
    invited_at    timestamptz,
    revoked_at    timestamptz,
    created_at    timestamptz  not null,
    version       bigint       not null,
    check ((side = 'SELLER') = (user_id is not null))
);
create unique index participant_plan_email_uq on participant (plan_id, lower(email));
create index participant_email_idx on participant (lower(email)) where revoked_at is null;

alter table plan_step_owner add column participant_id uuid references participant (id) on delete cascade;
alter table plan_step_owner drop constraint plan_step_owner_check;
alter table plan_step_owner add constraint plan_step_owner_one_kind
    check (num_nonnulls(user_id, role, participant_id) = 1);

-- Whether an activity entry concerns something internal: such entries are never shown to buyers.
alter table plan_activity add column internal boolean not null default false;
alter table plan_activity add column actor_participant_id uuid references participant (id) on delete set null;

-- Magic links: only a hash of the token is kept; each works once and expires.
create table magic_link (
    token_hash  char(64)     primary key,
    email       varchar(254) not null,
    plan_id     uuid         references plan (id) on delete cascade,
    purpose     varchar(10)  not null check (purpose in ('SIGN_IN', 'JOIN')),
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    used_at     timestamptz
);
create index magic_link_email_idx on magic_link (lower(email), created_at);

-- Requests for a fresh link, for rate limiting per email and per address.
create table link_request (
    id          bigserial    primary key,
    email       varchar(254) not null,
    remote_addr varchar(64)  not null,
    at          timestamptz  not null
);
create index link_request_email_idx on link_request (lower(email), at);
create index link_request_addr_idx on link_request (remote_addr, at);

-- Every time someone opened a plan: engagement, and "changes since your last visit".
create table plan_visit (
    id             bigserial   primary key,
    plan_id        uuid        not null references plan (id) on delete cascade,
    user_id        uuid        references app_user (id),
    participant_id uuid        references participant (id) on delete cascade,
    at             timestamptz not null,
    check (num_nonnulls(user_id, participant_id) = 1)
);
create index plan_visit_plan_idx on plan_visit (plan_id, at desc);

-- Comments on a plan or one of its steps; sellers may keep a comment internal.
create table comment (
    id                    uuid        primary key,
    plan_id               uuid        not null references plan (id) on delete cascade,
    step_id               uuid        references plan_step (id) on delete cascade,
    author_user_id        uuid        references app_user (id),
    author_participant_id uuid        references participant (id) on delete set null,
    author_name           varchar(200) not null,
    body                  text        not null,
    internal              boolean     not null,
    created_at            timestamptz not null
);
create index comment_plan_idx on comment (plan_id, created_at);

-- Documents attached to a plan or a step, stored under a random name outside the web root.
create table attachment (
    id                    uuid         primary key,
    plan_id               uuid         not null references plan (id) on delete cascade,
    step_id               uuid         references plan_step (id) on delete cascade,
    file_name             varchar(255) not null,
    content_type          varchar(100) not null,
    size_bytes            bigint       not null,
    storage_name          varchar(64)  not null unique,
    uploaded_by_user      uuid         references app_user (id),
    uploaded_by_participant uuid       references participant (id) on delete set null,
    uploader_name         varchar(200) not null,
    internal              boolean      not null,
    created_at            timestamptz  not null
);
create index attachment_plan_idx on attachment (plan_id, created_at);
