-- Reminders read across all plans every hour: unfinished steps by target date, and buyers who never opened their
-- plan (no visit of theirs) among those invited lately.
create index plan_step_open_target_idx on plan_step (target_date) where status not in ('DONE', 'SKIPPED');
create index plan_visit_participant_idx on plan_visit (participant_id) where participant_id is not null;
create index participant_invited_idx on participant (invited_at) where side = 'BUYER' and revoked_at is null;
