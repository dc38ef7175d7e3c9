-- Revisions: snapshots of the shared content of a mutual action plan (see docs/signed-content.md). "content" is the
-- canonical JSON exactly as hashed (text, not jsonb, which would reorder keys and drop the exact bytes);
-- "progress" is the status and completion date of each shared step, kept for comparing revisions, never signed.
create table plan_revision (
    plan_id              uuid        not null references plan (id) on delete cascade,
    number               int         not null check (number > 0),
    reason               varchar(12) not null check (reason in ('CONVERSION', 'SIGNATURE', 'CLOSE', 'ON_DEMAND')),
    created_at           timestamptz not null,
    actor_user_id        uuid        references app_user (id),
    actor_participant_id uuid        references participant (id) on delete set null,
    content              text        not null,
    progress             jsonb       not null,
    content_hash         char(64)    not null,
    primary key (plan_id, number)
);

-- Who must sign a plan, once a seller chose; without a row the defaults apply (the sales team's and the buyer's
-- main contacts). The buyers are the rows of plan_signer_buyer.
create table plan_signers (
    plan_id               uuid        primary key references plan (id) on delete cascade,
    seller_participant_id uuid        not null references participant (id) on delete cascade,
    updated_at            timestamptz not null,
    updated_by            uuid        references app_user (id),
    version               bigint      not null
);

create table plan_signer_buyer (
    plan_id        uuid not null references plan_signers (plan_id) on delete cascade,
    participant_id uuid not null references participant (id) on delete cascade,
    primary key (plan_id, participant_id)
);

-- Signatures: append-only but for outdated_at, set when the signed content changed through Mutua.
create table plan_signature (
    id             uuid         primary key,
    plan_id        uuid         not null references plan (id) on delete cascade,
    participant_id uuid         references participant (id) on delete set null,
    user_id        uuid         references app_user (id),
    side           varchar(6)   not null check (side in ('SELLER', 'BUYER')),
    typed_name     varchar(200) not null,
    title          varchar(200) not null,
    signed_at      timestamptz  not null,
    ip             varchar(64),
    user_agent     varchar(500),
    revision       int          not null,
    content_hash   char(64)     not null,
    outdated_at    timestamptz,
    foreign key (plan_id, revision) references plan_revision (plan_id, number)
);
create index plan_signature_plan_idx on plan_signature (plan_id, signed_at);
-- One signature in force per signer: a second one only after the first was outdated.
create unique index plan_signature_current_uq on plan_signature (plan_id, participant_id) where outdated_at is null;
