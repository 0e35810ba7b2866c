-- depends_on: intermediate.int_indicator_values
-- The target register applied, written once: every value a row of ref.doelen covers gets its target (the
-- threshold actually used) and whether it is on track. See docs/indicators.md "Targets".
--   category NULL: the indicator's total; '*': every category separately (each with its own base); a code: that
--   category (a code row wins over a '*' row for its category).
--   minimum / maximum: Waarde, from Basisjaar to Doeljaar inclusive (empty = open);
--   pad: the straight line from the series' own value in Basisjaar to Waarde in Doeljaar, for Basisjaar < t <= Doeljaar;
--   boven_basis: the mean of the series over the ten years up to and including Basisjaar, plus Waarde, for t > Basisjaar.
-- The year t of a value: its year, the year of its quarter, or the first year of its school year; forecast periods
-- have none. Base values are taken from the yearly values of the series.
CREATE SCHEMA IF NOT EXISTS intermediate;

CREATE OR REPLACE VIEW intermediate.int_target_series AS
SELECT v.*,
       CAST(CASE v.period_type WHEN 'year' THEN v.period_order
                               WHEN 'quarter' THEN v.period_order // 10
                               WHEN 'school_year' THEN v.period_order END AS INTEGER) AS target_year
FROM intermediate.int_indicator_values AS v;

-- The rules below are table macros over `series`, a relation with the columns of int_target_series (its name, or
-- a CTE of the calling query): int_target_values hands them one materialised copy of the series, so the union of
-- every indicator value is computed once per query, not once for each place that reads it. The views
-- int_target_bases and int_target_applied apply the same macros to int_target_series, for explain and for SQL users.

-- Each register row with every series it covers, the years it applies to and its base.
CREATE OR REPLACE MACRO intermediate.target_bases(series) AS TABLE
WITH covered AS (
    SELECT DISTINCT indicator, domain, region, category FROM query_table(series)
),
matched AS (
    SELECT d.line_number, d.origin, d.indicator, d.domain, d.region, d.category AS register_category,
           s.category, d.soort, d.waarde, d.basisjaar, d.doeljaar, d.bron,
           CASE d.soort WHEN 'pad' THEN d.basisjaar + 1 WHEN 'boven_basis' THEN d.basisjaar + 1 ELSE d.basisjaar END AS from_year,
           CASE d.soort WHEN 'boven_basis' THEN NULL ELSE d.doeljaar END AS to_year
    FROM ref.doelen AS d
    JOIN covered AS s
      ON s.indicator = d.indicator AND s.domain = d.domain AND s.region = d.region
     AND ((d.category IS NULL AND s.category IS NULL)
          OR (d.category = '*' AND s.category IS NOT NULL)
          OR (d.category = s.category))
),
yearly AS (
    SELECT indicator, domain, region, category, period_order AS jaar, value
    FROM query_table(series)
    WHERE period_type = 'year' AND value IS NOT NULL
)
SELECT m.*,
       b.value AS base_value,
       w.base_mean,
       coalesce(w.base_years, 0) AS base_years,
       CASE WHEN m.soort = 'pad' AND b.value IS NULL
                THEN 'the series has no value in Basisjaar ' || m.basisjaar
            WHEN m.soort = 'boven_basis' AND coalesce(w.base_years, 0) < 10
                THEN 'the series has ' || coalesce(w.base_years, 0) || ' of the ten base years ' || (m.basisjaar - 9) || '-' || m.basisjaar
       END AS not_applicable
FROM matched AS m
LEFT JOIN yearly AS b
  ON m.soort = 'pad' AND b.indicator = m.indicator AND b.domain = m.domain AND b.region = m.region
 AND b.category IS NOT DISTINCT FROM m.category AND b.jaar = m.basisjaar
LEFT JOIN (
    -- The mean is taken in DECIMAL: a DOUBLE avg sums in whatever order DuckDB's threads meet the rows, so the last
    -- digit of the target would differ between two runs on the same data.
    SELECT m2.line_number, m2.category,
           CAST(sum(CAST(y.value AS DECIMAL(38, 12))) / count(*) AS DOUBLE) AS base_mean, count(*) AS base_years
    FROM matched AS m2
    JOIN yearly AS y
      ON y.indicator = m2.indicator AND y.domain = m2.domain AND y.region = m2.region
     AND y.category IS NOT DISTINCT FROM m2.category AND y.jaar BETWEEN m2.basisjaar - 9 AND m2.basisjaar
    WHERE m2.soort = 'boven_basis'
    GROUP BY m2.line_number, m2.category
) AS w
  ON w.line_number = m.line_number AND w.category IS NOT DISTINCT FROM m.category;

CREATE OR REPLACE VIEW intermediate.int_target_bases AS
SELECT * FROM intermediate.target_bases('intermediate.int_target_series');

-- Which register row covers which value, and the threshold it sets there (NULL when the row cannot be applied).
CREATE OR REPLACE MACRO intermediate.target_applied(series) AS TABLE
SELECT s.indicator, s.domain, s.period, s.region, s.category,
       b.line_number, b.origin, b.soort, b.waarde, b.basisjaar, b.doeljaar, b.bron, b.register_category,
       b.base_value, b.base_mean, b.base_years,
       CASE WHEN b.not_applicable IS NOT NULL THEN NULL
            WHEN b.soort IN ('minimum', 'maximum') THEN b.waarde
            WHEN b.soort = 'pad'
                THEN b.base_value + (b.waarde - b.base_value) * (s.target_year - b.basisjaar) / (b.doeljaar - b.basisjaar)
            ELSE CAST(CAST(b.base_mean AS DECIMAL(38, 12)) + CAST(b.waarde AS DECIMAL(38, 12)) AS DOUBLE) END AS target
FROM query_table(series) AS s
JOIN intermediate.target_bases(series) AS b
  ON b.indicator = s.indicator AND b.domain = s.domain AND b.region = s.region
 AND b.category IS NOT DISTINCT FROM s.category
 AND s.target_year BETWEEN coalesce(b.from_year, s.target_year) AND coalesce(b.to_year, s.target_year)
QUALIFY row_number() OVER (PARTITION BY s.indicator, s.domain, s.period, s.region, s.category
                           ORDER BY CASE WHEN b.register_category = '*' THEN 1 ELSE 0 END, b.line_number) = 1;

CREATE OR REPLACE VIEW intermediate.int_target_applied AS
SELECT * FROM intermediate.target_applied('intermediate.int_target_series');

-- The values with target and on_track from the register. A year that has not ended on the as-of date is
-- incomplete for a per-year count of the programme office (contract, programma/), unless its target is already met.
CREATE OR REPLACE VIEW intermediate.int_target_values AS
WITH series AS MATERIALIZED (
    SELECT * FROM intermediate.int_target_series
),
run_date AS (
    SELECT coalesce(TRY_CAST(getvariable('as_of') AS DATE), current_date) AS as_of
),
judged AS (
    SELECT s.* EXCLUDE (target, on_track),
           a.target,
           CASE WHEN a.target IS NULL OR s.value IS NULL THEN NULL
                WHEN a.soort = 'maximum' THEN s.value <= a.target
                ELSE s.value >= a.target END AS on_track
    FROM series AS s
    LEFT JOIN intermediate.target_applied('series') AS a
      ON a.indicator = s.indicator AND a.domain = s.domain AND a.period = s.period AND a.region = s.region
     AND a.category IS NOT DISTINCT FROM s.category
)
SELECT j.* EXCLUDE (incomplete, target_year),
       j.incomplete
       OR (j.source = 'Programmabureau' AND j.unit = 'aantal' AND j.period_type = 'year'
           AND j.period_order >= year(run_date.as_of) AND NOT coalesce(j.on_track, false)) AS incomplete
FROM judged AS j
CROSS JOIN run_date;
