-- Progress updates are deleted by the privacy registry's retention run (store "progress-updates",
-- vagvisaren.privacy.retention.*); the feature's own retention task is gone, so its schedule row goes too.
DELETE FROM scheduled_tasks WHERE task_name = 'progress-retention';
