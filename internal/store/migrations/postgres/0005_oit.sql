-- 0005: OIT answers, reviews, scores, evidence (manual 2.4, 6.5) — filled in by the OIT feature.
SELECT 1;
