-- depends_on: intermediate.int_period_bounds, staging.stg_programma_acties
-- Pillar 4, the execution of the actions, per quarter from the last register vintage delivered in
-- that quarter (stg_programma_acties_vintages), for all pillars (category NULL) and per pillar
-- (pijler1..pijler4; a pillar without actions counts 0): actions in the register, completed, behind
-- schedule, and the share on schedule among the actions not stopped (a stopped action is in neither share).
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE OR REPLACE VIEW intermediate.int_acties_values AS
WITH q AS (
    SELECT * FROM staging.stg_programma_acties_vintages WHERE last_in_quarter
),
quarters AS (
    SELECT DISTINCT periode, periode_volgorde, vintage FROM q
),
grid AS (
    SELECT quarters.*, p.pijler
    FROM quarters CROSS JOIN (VALUES (1), (2), (3), (4)) AS p(pijler)
    UNION ALL
    SELECT quarters.*, NULL FROM quarters
),
agg AS (
    SELECT g.periode, g.periode_volgorde, g.vintage, g.pijler,
           count(q.actie_id) AS acties,
           count(q.actie_id) FILTER (WHERE q.status = 'afgerond') AS afgerond,
           count(q.actie_id) FILTER (WHERE q.achter_schema) AS achter,
           count(q.actie_id) FILTER (WHERE q.op_schema) AS op_schema,
           count(q.actie_id) FILTER (WHERE q.status <> 'gestopt') AS niet_gestopt
    FROM grid AS g
    LEFT JOIN q ON q.periode_volgorde = g.periode_volgorde AND (g.pijler IS NULL OR q.pijler = g.pijler)
    GROUP BY g.periode, g.periode_volgorde, g.vintage, g.pijler
),
v AS (
    SELECT 'acties' AS indicator, *, CAST(acties AS DOUBLE) AS value, 'aantal' AS unit,
           CAST(NULL AS DOUBLE) AS numerator, CAST(NULL AS DOUBLE) AS denominator
    FROM agg
    UNION ALL
    SELECT 'acties_afgerond', *, afgerond, 'aantal', NULL, NULL FROM agg
    UNION ALL
    SELECT 'acties_achter_schema', *, achter, 'aantal', NULL, NULL FROM agg
    UNION ALL
    SELECT 'aandeel_acties_op_schema', *, 100.0 * op_schema / niet_gestopt, 'procent', op_schema, niet_gestopt
    FROM agg
    WHERE niet_gestopt > 0
)
SELECT indicator, 'totaal' AS domain,
       periode AS period, 'quarter' AS period_type, periode_volgorde AS period_order,
       intermediate.quarter_start(periode_volgorde // 10, periode_volgorde % 10) AS period_start,
       intermediate.quarter_end(periode_volgorde // 10, periode_volgorde % 10) AS period_end,
       'NL' AS region, 'nl' AS region_level,
       CASE WHEN pijler IS NULL THEN NULL ELSE 'pijler' || CAST(pijler AS VARCHAR) END AS category,
       value, unit,
       CAST(NULL AS DOUBLE) AS target, CAST(NULL AS BOOLEAN) AS on_track, false AS incomplete,
       CAST(NULL AS VARCHAR) AS label, numerator, denominator,
       'Programmabureau' AS source, vintage
FROM v;
