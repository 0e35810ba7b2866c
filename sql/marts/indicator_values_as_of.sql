-- depends_on: intermediate.int_targets
-- mart.indicator_values_as_of: the mart as of the date in the DuckDB variable as_of, computed when it is queried
-- (SET VARIABLE as_of = DATE '2024-06-30'; SELECT * FROM mart.indicator_values_as_of; unset: the latest vintages).
-- It is the one definition of a mart row: marts/indicator_values.sql materialises this view for the run's date,
-- so a researcher's as-of query and a run with --as-of cannot drift apart. Read-only connections can use it.
CREATE OR REPLACE VIEW mart.indicator_values_as_of AS
WITH v AS (
    -- every value (int_indicator_values.sql) with its target from the register (int_targets.sql)
    SELECT * FROM intermediate.int_target_values
)
SELECT
    CAST(indicator AS VARCHAR) AS indicator,
    CAST(domain AS VARCHAR) AS domain,
    CAST(period AS VARCHAR) AS period,
    CAST(period_type AS VARCHAR) AS period_type,
    CAST(period_order AS INTEGER) AS period_order,
    CAST(period_start AS DATE) AS period_start,
    CAST(period_end AS DATE) AS period_end,
    CAST(region AS VARCHAR) AS region,
    CAST(region_level AS VARCHAR) AS region_level,
    CAST(category AS VARCHAR) AS category,
    CAST(value AS DOUBLE) AS value,
    CAST(unit AS VARCHAR) AS unit,
    CAST(target AS DOUBLE) AS target,
    CAST(CASE WHEN incomplete THEN 'incomplete'
              WHEN target IS NULL THEN 'no_target'
              WHEN on_track THEN 'on_track'
              ELSE 'behind' END AS VARCHAR) AS status,
    CAST(provisional AS BOOLEAN) AS provisional,
    CAST(label AS VARCHAR) AS label,
    CAST(numerator AS DOUBLE) AS numerator,
    CAST(denominator AS DOUBLE) AS denominator,
    CAST(source AS VARCHAR) AS source,
    CAST(vintage AS DATE) AS vintage,
    TRY_CAST(getvariable('as_of') AS DATE) AS as_of
FROM v;
