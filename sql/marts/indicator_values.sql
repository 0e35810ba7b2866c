-- depends_on: mart.indicator_values_as_of
-- mart.indicator_values: every indicator value, one row per indicator, domain, period, region and
-- category, with its status, source, vintage and the as-of date of the build (see docs/indicators.md).
-- The row definition is the view of marts/indicator_values_as_of.sql, evaluated for the run's as-of date.
CREATE OR REPLACE TABLE mart.indicator_values AS
SELECT * FROM mart.indicator_values_as_of
ORDER BY indicator, domain, region_level, region, period_order, category NULLS FIRST;
