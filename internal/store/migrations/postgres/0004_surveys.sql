-- 0004: survey links and responses (manual 2.3, 6.4) — filled in by the survey feature.
SELECT 1;
