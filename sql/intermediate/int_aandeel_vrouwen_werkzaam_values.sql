-- depends_on: intermediate.int_werkzaam_cells
-- Pillar 2, diversity: the share of women among the people working in techniek (Techniekpactmonitor)
-- and in ICT (pr-eDICT), per year and region, from the workforce cells by sex (each domain from its
-- own source, never added together). Incomplete when a sex is missing or a cell was not delivered.
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE OR REPLACE VIEW intermediate.int_aandeel_vrouwen_werkzaam_values AS
WITH agg AS (
    SELECT domain, source, jaar, region, region_level,
           sum(werkzaam) FILTER (WHERE geslacht = 'vrouw') AS vrouwen,
           sum(werkzaam) AS alle,
           bool_or(werkzaam_status IS NOT NULL)
               OR count(DISTINCT geslacht) FILTER (WHERE werkzaam_status IS NULL) < 2 AS incomplete,
           max(vintage) AS vintage
    FROM intermediate.int_werkzaam_cells
    GROUP BY domain, source, jaar, region, region_level
)
SELECT 'aandeel_vrouwen_werkzaam' AS indicator, domain,
       CAST(jaar AS VARCHAR) AS period, 'year' AS period_type, jaar AS period_order, b.period_start, b.period_end,
       region, region_level, CAST(NULL AS VARCHAR) AS category,
       100.0 * vrouwen / NULLIF(alle, 0) AS value, 'procent' AS unit,
       CAST(NULL AS DOUBLE) AS target, CAST(NULL AS BOOLEAN) AS on_track, incomplete,
       CAST(NULL AS VARCHAR) AS label, CAST(vrouwen AS DOUBLE) AS numerator, CAST(alle AS DOUBLE) AS denominator,
       source, vintage
FROM agg
LEFT JOIN (SELECT DISTINCT jaar, period_start, period_end FROM intermediate.int_werkzaam_cells) AS b USING (jaar);
