-- 0003: stakeholder data (manual 6.2, 6.3) — filled in by the stakeholder feature.
SELECT 1;
