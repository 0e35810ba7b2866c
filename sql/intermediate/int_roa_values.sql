-- depends_on: intermediate.int_roa_cells
-- ROA per forecast period and domain (national): job openings, school-leaver inflow, the
-- expected shortage between them, and ROA's own bottleneck indicator for classes 07 and 08.
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE OR REPLACE VIEW intermediate.int_roa_values AS
WITH agg AS (
    SELECT domain, prognoseperiode, periode_begin,
           sum(baanopeningen) AS baanopeningen,
           bool_or(baanopeningen_status IS NOT NULL) AS baanopeningen_incomplete,
           sum(instroom_schoolverlaters) AS schoolverlaters,
           bool_or(instroom_schoolverlaters_status IS NOT NULL) AS schoolverlaters_incomplete,
           max(vintage) AS vintage
    FROM intermediate.int_roa_cells
    GROUP BY domain, prognoseperiode, periode_begin
),
v AS (
    SELECT 'baanopeningen' AS indicator, domain, prognoseperiode, periode_begin,
           CAST(baanopeningen AS DOUBLE) AS value, 'aantal' AS unit,
           baanopeningen_incomplete AS incomplete, CAST(NULL AS VARCHAR) AS label, vintage
    FROM agg
    UNION ALL
    SELECT 'instroom_schoolverlaters', domain, prognoseperiode, periode_begin,
           CAST(schoolverlaters AS DOUBLE), 'aantal', schoolverlaters_incomplete, NULL, vintage
    FROM agg
    UNION ALL
    SELECT 'verwacht_tekort', domain, prognoseperiode, periode_begin,
           CAST(baanopeningen - schoolverlaters AS DOUBLE), 'aantal',
           baanopeningen_incomplete OR schoolverlaters_incomplete, NULL, vintage
    FROM agg
    UNION ALL
    -- ITKP is an index per occupation class: it cannot be summed, so there is no totaal.
    SELECT 'roa_knelpunt', domain, prognoseperiode, periode_begin,
           itkp, 'ratio', itkp_status IS NOT NULL OR typering_status IS NOT NULL, typering, vintage
    FROM intermediate.int_roa_cells
    WHERE domain IN ('techniek', 'ict')
)
SELECT indicator, domain,
       prognoseperiode AS period, 'forecast_period' AS period_type, periode_begin AS period_order, b.period_start, b.period_end,
       'NL' AS region, 'nl' AS region_level, CAST(NULL AS VARCHAR) AS category, value, unit,
       CAST(NULL AS DOUBLE) AS target, CAST(NULL AS BOOLEAN) AS on_track, incomplete, label,
       CAST(NULL AS DOUBLE) AS numerator, CAST(NULL AS DOUBLE) AS denominator, 'ROA' AS source, vintage
FROM v
LEFT JOIN (SELECT DISTINCT prognoseperiode, period_start, period_end FROM intermediate.int_roa_cells) AS b USING (prognoseperiode);
