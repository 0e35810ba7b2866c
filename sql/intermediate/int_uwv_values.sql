-- depends_on: intermediate.int_uwv_cells
-- UWV per quarter, domain and region (AM region, province, NL): open vacancies, short WW and the
-- spanningsindicator, always from summed vacancies and summed WW, never a mean of regional ratios.
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE OR REPLACE VIEW intermediate.int_uwv_values AS
WITH agg AS (
    SELECT domain, periode, periode_volgorde, period_start, period_end, region, region_level,
           sum(openstaande_vacatures) AS vacatures,
           bool_or(openstaande_vacatures_status IS NOT NULL) AS vacatures_incomplete,
           sum(ww_korter_dan_half_jaar) AS ww,
           bool_or(ww_korter_dan_half_jaar_status IS NOT NULL) AS ww_incomplete,
           max(vintage) AS vintage
    FROM intermediate.int_uwv_cells
    GROUP BY domain, periode, periode_volgorde, period_start, period_end, region, region_level
),
v AS (
    SELECT 'openstaande_vacatures' AS indicator, *, CAST(vacatures AS DOUBLE) AS value, 'aantal' AS unit,
           vacatures_incomplete AS incomplete, CAST(NULL AS VARCHAR) AS label,
           CAST(NULL AS DOUBLE) AS numerator, CAST(NULL AS DOUBLE) AS denominator
    FROM agg
    UNION ALL
    SELECT 'ww_kort', *, CAST(ww AS DOUBLE), 'aantal', ww_incomplete, NULL, NULL, NULL
    FROM agg
    UNION ALL
    SELECT 'spanningsindicator', *, CAST(vacatures AS DOUBLE) / NULLIF(ww, 0), 'ratio',
           vacatures_incomplete OR ww_incomplete,
           CASE WHEN ww IS NULL OR ww = 0 OR vacatures IS NULL THEN NULL
                WHEN vacatures / ww < 0.25 THEN 'zeer ruim'
                WHEN vacatures / ww < 0.67 THEN 'ruim'
                WHEN vacatures / ww < 1.5 THEN 'gemiddeld'
                WHEN vacatures / ww < 4 THEN 'krap'
                ELSE 'zeer krap' END,
           CAST(vacatures AS DOUBLE), CAST(ww AS DOUBLE)
    FROM agg
)
SELECT indicator, domain,
       periode AS period, 'quarter' AS period_type, periode_volgorde AS period_order, period_start, period_end,
       region, region_level, CAST(NULL AS VARCHAR) AS category, value, unit,
       CAST(NULL AS DOUBLE) AS target, CAST(NULL AS BOOLEAN) AS on_track, incomplete, label,
       numerator, denominator, 'UWV' AS source, vintage
FROM v;
