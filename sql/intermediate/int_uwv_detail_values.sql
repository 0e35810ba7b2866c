-- depends_on: intermediate.int_uwv_detail_open, intermediate.int_uwv_placement
-- openstaande_vacatures, source variant 'vacaturebestand': open vacancies at quarter end counted from UWV's
-- vacancy-level records (intermediate.int_uwv_detail_open), per domain (techniek = class 07, ict = 08, totaal = all)
-- and region (AM region, its province, NL = sum of the regions). The category tells it from the aggregate figure
-- (category NULL), so both stand side by side under one code; the check uwv_detail_vs_aggregate compares them.
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE OR REPLACE VIEW intermediate.int_uwv_detail_values AS
WITH placed AS (
    SELECT d.*, unnest(intermediate.uwv_domains(d.beroepsklasse)) AS domain, p.region, p.region_level
    FROM intermediate.int_uwv_detail_open AS d
    JOIN intermediate.int_uwv_region_placement AS p USING (arbeidsmarktregio)
)
SELECT 'openstaande_vacatures' AS indicator, domain,
       periode AS period, 'quarter' AS period_type, periode_volgorde AS period_order, period_start, period_end,
       region, region_level, 'vacaturebestand' AS category,
       CAST(sum(openstaande_vacatures) AS DOUBLE) AS value, 'aantal' AS unit,
       CAST(NULL AS DOUBLE) AS target, CAST(NULL AS BOOLEAN) AS on_track, false AS incomplete,
       CAST(NULL AS VARCHAR) AS label, CAST(NULL AS DOUBLE) AS numerator, CAST(NULL AS DOUBLE) AS denominator,
       'UWV' AS source, max(vintage) AS vintage
FROM placed
GROUP BY domain, periode, periode_volgorde, period_start, period_end, region, region_level;
