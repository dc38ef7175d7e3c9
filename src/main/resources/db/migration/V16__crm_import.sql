-- When a CRM import started running (a run that has not ended an hour later died with its node), and why a failed
-- one failed: ERROR (the importer threw) or INTERRUPTED (the node stopped while it ran).
alter table crm_import add column started_at timestamptz;
alter table crm_import add column failure varchar(12) check (failure in ('ERROR', 'INTERRUPTED'));
create index crm_import_running_idx on crm_import (status) where status = 'RUNNING';
