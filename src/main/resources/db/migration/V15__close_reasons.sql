-- Why deals are won or lost: a list the admin keeps per outcome; closing a deal picks one (plus free text in
-- deal.close_reason) and names the competitor, if any. Retired reasons stay for the deals that used them.
create table close_reason (
    id       uuid         primary key,
    outcome  varchar(4)   not null check (outcome in ('WON', 'LOST')),
    label    varchar(100) not null,
    position int          not null,
    active   boolean      not null,
    version  bigint       not null
);
create unique index close_reason_label_uq on close_reason (outcome, lower(label));

insert into close_reason (id, outcome, label, position, active, version) values
    ('5a1e0001-0000-4000-8000-000000000001', 'WON', 'Best fit for their needs', 1, true, 0),
    ('5a1e0001-0000-4000-8000-000000000002', 'WON', 'Value for the price', 2, true, 0),
    ('5a1e0001-0000-4000-8000-000000000003', 'WON', 'Relationship and trust', 3, true, 0),
    ('5a1e0001-0000-4000-8000-000000000004', 'WON', 'Speed of implementation', 4, true, 0),
    ('5a1e0002-0000-4000-8000-000000000001', 'LOST', 'Price', 1, true, 0),
    ('5a1e0002-0000-4000-8000-000000000002', 'LOST', 'Chose a competitor', 2, true, 0),
    ('5a1e0002-0000-4000-8000-000000000003', 'LOST', 'No decision (status quo)', 3, true, 0),
    ('5a1e0002-0000-4000-8000-000000000004', 'LOST', 'Timing or budget', 4, true, 0),
    ('5a1e0002-0000-4000-8000-000000000005', 'LOST', 'Missing capability', 5, true, 0);

alter table deal
    add column close_reason_id uuid references close_reason (id),
    add column competitor      varchar(100);
