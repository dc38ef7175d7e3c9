-- The market segment of a deal (e.g. Enterprise, Mid-market): playbook selection rules match on it.
alter table deal add column segment varchar(60);
