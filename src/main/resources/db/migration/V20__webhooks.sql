-- Webhooks: endpoints the admin registers, and an outbox of deliveries (one row per message and endpoint) that a
-- worker POSTs, signed per the Standard Webhooks specification. The secret is stored as issued: signing needs it.
create table webhook_endpoint (
    id          uuid          primary key,
    url         varchar(2000) not null,
    description varchar(500)  not null default '',
    event_types varchar(500)  not null,
    secret      varchar(100)  not null,
    active      boolean       not null,
    version     bigint        not null,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null
);

create table webhook_delivery (
    id               uuid         primary key,
    endpoint_id      uuid         not null references webhook_endpoint (id) on delete cascade,
    -- the webhook-id header: the same for every attempt (and for every endpoint the message goes to)
    message_id       varchar(100) not null,
    event_type       varchar(40)  not null,
    -- the exact body sent and signed, kept so that every attempt sends the same bytes
    payload          text         not null,
    status           varchar(10)  not null default 'QUEUED'
        check (status in ('QUEUED', 'DELIVERED', 'FAILED', 'CANCELLED')),
    attempts         int          not null default 0,
    next_attempt_at  timestamptz  not null,
    first_attempt_at timestamptz,
    last_attempt_at  timestamptz,
    last_http_status int,
    last_error       varchar(1000),
    created_at       timestamptz  not null,
    delivered_at     timestamptz
);
create unique index webhook_delivery_message_uq on webhook_delivery (endpoint_id, message_id);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'QUEUED';
create index webhook_delivery_log_idx on webhook_delivery (endpoint_id, created_at desc);
