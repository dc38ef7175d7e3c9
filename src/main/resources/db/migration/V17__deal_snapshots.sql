-- What a deal and its plan looked like the moment it closed, written once and never changed: win-loss analysis and
-- the onboarding handoff read it. No foreign keys: the record outlives whatever it describes. The content is a
-- versioned JSON document ("schema": 1, see io.mutua.insights.SnapshotContent).
create table deal_snapshot (
    deal_id  uuid        primary key,
    plan_id  uuid,
    outcome  varchar(4)  not null check (outcome in ('WON', 'LOST')),
    taken_at timestamptz not null,
    content  jsonb       not null
);
create index deal_snapshot_taken_at_idx on deal_snapshot (taken_at);

create function deal_snapshot_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'deal_snapshot rows are immutable (% refused)', tg_op
        using errcode = 'integrity_constraint_violation';
end;
$$;

create trigger deal_snapshot_no_update_or_delete
    before update or delete on deal_snapshot
    for each row execute function deal_snapshot_immutable();
