-- mart.indicator_values: every indicator value, one row per indicator, domain, period, region and
-- category, with its status, source, vintage and the as-of date of the build (see docs/indicators.md).
CREATE OR REPLACE TABLE mart.indicator_values AS
WITH v AS (
    -- every value (70_int_indicator_values.sql) with its target from the register (80_int_targets.sql)
    SELECT * FROM intermediate.int_target_values
)
SELECT
    CAST(indicator AS VARCHAR) AS indicator,
    CAST(domain AS VARCHAR) AS domain,
    CAST(period AS VARCHAR) AS period,
    CAST(period_type AS VARCHAR) AS period_type,
    CAST(period_order AS INTEGER) AS period_order,
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
FROM v
ORDER BY indicator, domain, region_level, region, period_order, category NULLS FIRST;
