-- The record of what each published report said: one row per edition (the daily report of a run; later the
-- frozen edition for a meeting), and the mart values that edition printed, keyed as mart.indicator_values is,
-- so that a later report can say what changed since (monitor changes, "Wat is er veranderd").
CREATE TABLE IF NOT EXISTS meta.editions (
    edition_id    VARCHAR PRIMARY KEY,   -- daily-<run_id>, or meeting-<meeting date>
    kind          VARCHAR NOT NULL,      -- daily or meeting
    meeting_date  DATE,                  -- NULL for a daily report
    as_of         DATE,                  -- the as-of date the report was computed with; NULL = latest vintages
    generated_at  TIMESTAMP NOT NULL,    -- the generation time printed in the report (UTC)
    run_id        VARCHAR NOT NULL       -- the run that made it (meta.runs.run_id)
);

CREATE TABLE IF NOT EXISTS meta.edition_values (
    edition_id  VARCHAR NOT NULL,
    indicator   VARCHAR NOT NULL,
    domain      VARCHAR NOT NULL,
    period      VARCHAR NOT NULL,
    region      VARCHAR NOT NULL,
    category    VARCHAR,
    value       DOUBLE,
    target      DOUBLE,
    status      VARCHAR
);
