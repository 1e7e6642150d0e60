-- A reviewer's queue page lists the cases they hold by priority next to the open ones: without an
-- index of its own that list walked every case in priority order to find a reviewer's few.
CREATE INDEX cases_held_by_reviewer ON cases (assigned_reviewer, priority DESC, case_id) WHERE status = 'in_review';
