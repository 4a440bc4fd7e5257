-- Set when a session closes with nobody waiting for the reply (end time, replaced by a planned launch) and
-- cleared once its results were posted or can never be (bot removed, tries given up, shown on request).
-- The housekeeping task plans a later try for sessions still pending a while after closing, so results are
-- not lost when an instance stops between committing the close and posting them.
ALTER TABLE reflection_session ADD COLUMN results_pending BOOLEAN DEFAULT FALSE NOT NULL;
