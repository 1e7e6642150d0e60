-- The seller's main category (the category of most of its trades in the flag's window, from the
-- review_queue table), carried by the sync: the console's queue shows it and filters by it. NULL for
-- cases synced before it was carried, until their next refresh.
ALTER TABLE cases ADD COLUMN category TEXT;
-- The category filter lists a category's cases by priority, as the unfiltered list uses cases_by_priority.
CREATE INDEX cases_by_category ON cases (category, priority DESC, case_id);
