-- Filled in by the change that needs it; an empty migration keeps the journal's order stable.
SELECT 1;
