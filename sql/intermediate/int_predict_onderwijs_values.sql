-- depends_on: intermediate.int_predict_onderwijs_cells
-- Pillar 1, pr-eDICT: entrants in ICT programmes per school year and region, by programme type
-- (category ict | hybride | NULL = both), and the share of women among them by onderwijssoort.
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE OR REPLACE VIEW intermediate.int_predict_onderwijs_values AS
WITH instroom AS (
    SELECT * FROM intermediate.int_predict_onderwijs_cells WHERE fase = 'instroom'
),
per_type AS (
    SELECT studiejaar, studiejaar_start, period_start, period_end, region, region_level, type AS category,
           sum(aantal) AS value,
           bool_or(aantal_status IS NOT NULL) AS incomplete,
           max(vintage) AS vintage
    FROM instroom
    GROUP BY GROUPING SETS (
        (studiejaar, studiejaar_start, period_start, period_end, region, region_level, type),
        (studiejaar, studiejaar_start, period_start, period_end, region, region_level))
),
per_soort AS (
    SELECT studiejaar, studiejaar_start, period_start, period_end, region, region_level, onderwijssoort AS category,
           sum(aantal) FILTER (WHERE geslacht = 'vrouw') AS vrouwen,
           count(*) FILTER (WHERE geslacht = 'vrouw') AS vrouwen_cells,
           sum(aantal) AS alle,
           bool_or(aantal_status IS NOT NULL) AS incomplete,
           max(vintage) AS vintage
    FROM instroom
    GROUP BY GROUPING SETS (
        (studiejaar, studiejaar_start, period_start, period_end, region, region_level, onderwijssoort),
        (studiejaar, studiejaar_start, period_start, period_end, region, region_level))
)
SELECT 'ict_opleiding_instroom' AS indicator, 'ict' AS domain,
       studiejaar AS period, 'school_year' AS period_type, studiejaar_start AS period_order, period_start, period_end,
       region, region_level, category,
       CAST(value AS DOUBLE) AS value, 'aantal' AS unit,
       CAST(NULL AS DOUBLE) AS target, CAST(NULL AS BOOLEAN) AS on_track, incomplete,
       CAST(NULL AS VARCHAR) AS label, CAST(NULL AS DOUBLE) AS numerator, CAST(NULL AS DOUBLE) AS denominator,
       'pr-eDICT' AS source, vintage
FROM per_type
UNION ALL
SELECT 'aandeel_vrouwen', 'ict',
       studiejaar, 'school_year', studiejaar_start, period_start, period_end,
       region, region_level, category,
       100.0 * vrouwen / NULLIF(alle, 0), 'procent',
       NULL, NULL, incomplete,
       NULL, CAST(vrouwen AS DOUBLE), CAST(alle AS DOUBLE),
       'pr-eDICT', vintage
FROM per_soort
WHERE vrouwen_cells > 0;
