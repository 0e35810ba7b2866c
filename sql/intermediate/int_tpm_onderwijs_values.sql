-- depends_on: intermediate.int_tpm_onderwijs_cells
-- Pillar 1, Techniekpactmonitor: education counts and shares per school year, region and
-- onderwijssoort (category NULL = all onderwijssoorten). Shares divide summed counts.
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE OR REPLACE VIEW intermediate.int_tpm_onderwijs_values AS
WITH measures AS (
    SELECT 'instroom_bt' AS measure, * FROM intermediate.int_tpm_onderwijs_cells
    WHERE fase = 'instroom' AND richting = 'betatechniek'
    UNION ALL
    SELECT 'instroom_alle', * FROM intermediate.int_tpm_onderwijs_cells
    WHERE fase = 'instroom'
    UNION ALL
    SELECT 'instroom_bt_vrouw', * FROM intermediate.int_tpm_onderwijs_cells
    WHERE fase = 'instroom' AND richting = 'betatechniek' AND geslacht = 'vrouw'
    UNION ALL
    SELECT 'ingeschreven_bt', * FROM intermediate.int_tpm_onderwijs_cells
    WHERE fase = 'ingeschreven' AND richting = 'betatechniek'
    UNION ALL
    SELECT 'gediplomeerd_bt', * FROM intermediate.int_tpm_onderwijs_cells
    WHERE fase = 'gediplomeerd' AND richting = 'betatechniek'
),
agg AS (
    SELECT measure, studiejaar, studiejaar_start, region, region_level,
           onderwijssoort AS category,
           sum(aantal) AS value,
           bool_or(aantal_status IS NOT NULL) AS incomplete,
           max(vintage) AS vintage
    FROM measures
    GROUP BY GROUPING SETS (
        (measure, studiejaar, studiejaar_start, region, region_level, onderwijssoort),
        (measure, studiejaar, studiejaar_start, region, region_level))
),
counts AS (
    SELECT CASE measure
               WHEN 'instroom_bt' THEN 'onderwijs_instroom'
               WHEN 'ingeschreven_bt' THEN 'onderwijs_ingeschreven'
               WHEN 'gediplomeerd_bt' THEN 'gediplomeerden' END AS indicator,
           studiejaar, studiejaar_start, region, region_level, category,
           CAST(value AS DOUBLE) AS value, 'aantal' AS unit, incomplete,
           CAST(NULL AS DOUBLE) AS numerator, CAST(NULL AS DOUBLE) AS denominator, vintage
    FROM agg
    WHERE measure IN ('instroom_bt', 'ingeschreven_bt', 'gediplomeerd_bt')
),
shares AS (
    SELECT CASE n.measure WHEN 'instroom_bt' THEN 'aandeel_betatechniek' ELSE 'aandeel_vrouwen' END AS indicator,
           d.studiejaar, d.studiejaar_start, d.region, d.region_level, d.category,
           100.0 * n.value / NULLIF(d.value, 0) AS value, 'procent' AS unit,
           n.incomplete OR d.incomplete AS incomplete,
           CAST(n.value AS DOUBLE) AS numerator, CAST(d.value AS DOUBLE) AS denominator,
           greatest(n.vintage, d.vintage) AS vintage
    FROM agg AS n
    JOIN agg AS d
      ON d.measure = CASE n.measure WHEN 'instroom_bt' THEN 'instroom_alle' ELSE 'instroom_bt' END
     AND d.studiejaar = n.studiejaar AND d.region = n.region
     AND d.category IS NOT DISTINCT FROM n.category
    WHERE n.measure IN ('instroom_bt', 'instroom_bt_vrouw')
)
SELECT indicator, 'techniek' AS domain,
       studiejaar AS period, 'school_year' AS period_type, studiejaar_start AS period_order, b.period_start, b.period_end,
       region, region_level, category, value, unit,
       CAST(NULL AS DOUBLE) AS target, CAST(NULL AS BOOLEAN) AS on_track, incomplete,
       CAST(NULL AS VARCHAR) AS label, numerator, denominator,
       'Techniekpactmonitor' AS source, vintage
FROM (SELECT * FROM counts UNION ALL SELECT * FROM shares) AS v
LEFT JOIN (SELECT DISTINCT studiejaar, period_start, period_end FROM intermediate.int_tpm_onderwijs_cells) AS b USING (studiejaar);
