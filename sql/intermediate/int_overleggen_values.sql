-- depends_on: intermediate.int_period_bounds, staging.stg_programma_overleggen
-- Pillar 4, the governance: per year and type of meeting, the meetings held and the attendance
-- (partners present / partners invited, both summed over the meetings of the year: never a mean of
-- per-meeting ratios). Every type seen in the data gets a row for every year with meetings (0 when it
-- did not meet). A year that has not ended on the as-of date (or, unpinned, on the date of the latest
-- vintage in force) is incomplete for the count.
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE OR REPLACE VIEW intermediate.int_overleggen_values AS
WITH m AS (SELECT * FROM staging.stg_programma_overleggen),
peildatum AS (
    SELECT COALESCE(TRY_CAST(getvariable('as_of') AS DATE), max(vintage)) AS peildatum FROM m
),
grid AS (
    SELECT j.jaar, t.overleg
    FROM (SELECT DISTINCT jaar FROM m) AS j CROSS JOIN (SELECT DISTINCT overleg FROM m) AS t
),
agg AS (
    SELECT g.jaar, g.overleg,
           count(m.datum) AS overleggen,
           sum(m.aanwezig) AS aanwezig,
           sum(m.genodigd) AS genodigd,
           coalesce(bool_or(m.aanwezig_status IS NOT NULL OR m.genodigd_status IS NOT NULL), false) AS attendance_incomplete,
           max(m.vintage) AS vintage
    FROM grid AS g
    LEFT JOIN m ON m.jaar = g.jaar AND m.overleg = g.overleg
    GROUP BY g.jaar, g.overleg
),
v AS (
    SELECT 'overleggen' AS indicator, agg.jaar, agg.overleg, CAST(overleggen AS DOUBLE) AS value, 'aantal' AS unit,
           make_date(agg.jaar, 12, 31) > p.peildatum AS incomplete,
           make_date(agg.jaar, 12, 31) > p.peildatum AS period_open,
           CAST(NULL AS DOUBLE) AS numerator, CAST(NULL AS DOUBLE) AS denominator,
           coalesce(agg.vintage, (SELECT max(vintage) FROM m)) AS vintage
    FROM agg CROSS JOIN peildatum AS p
    UNION ALL
    SELECT 'aanwezigheid', jaar, overleg, 100.0 * aanwezig / NULLIF(genodigd, 0), 'procent',
           attendance_incomplete, false, aanwezig, genodigd, vintage
    FROM agg
    WHERE overleggen > 0
)
SELECT indicator, 'totaal' AS domain,
       CAST(jaar AS VARCHAR) AS period, 'year' AS period_type, jaar AS period_order,
       intermediate.year_start(jaar) AS period_start, intermediate.year_end(jaar) AS period_end,
       'NL' AS region, 'nl' AS region_level, overleg AS category,
       value, unit,
       CAST(NULL AS DOUBLE) AS target, CAST(NULL AS BOOLEAN) AS on_track, incomplete,
       CAST(NULL AS VARCHAR) AS label, numerator, denominator,
       'Programmabureau' AS source, vintage,
       -- the only reason the count is incomplete is that the year has not ended: a target already met
       -- may still be on_track (CONTRACTS.md); the status in marts/indicator_values decides
       period_open
FROM v;
