-- 0006: evidence captured from OIT URLs (fetch records and page copies) — filled in by the evidence feature.
SELECT 1;
