-- depends_on: staging.stg_tpm_docenten
-- Pillar 1, Techniekpactmonitor: hybrid teachers per year (national), by onderwijssoort and in
-- total; the target comes from the register (int_targets.sql).
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE OR REPLACE VIEW intermediate.int_tpm_docenten_values AS
WITH agg AS (
    SELECT jaar, onderwijssoort AS category,
           sum(hybride_docenten) AS value,
           bool_or(hybride_docenten_status IS NOT NULL) AS incomplete,
           max(vintage) AS vintage
    FROM staging.stg_tpm_docenten
    GROUP BY GROUPING SETS ((jaar, onderwijssoort), (jaar))
)
SELECT 'hybride_docenten' AS indicator, 'techniek' AS domain,
       CAST(jaar AS VARCHAR) AS period, 'year' AS period_type, jaar AS period_order, b.period_start, b.period_end,
       'NL' AS region, 'nl' AS region_level, category,
       CAST(value AS DOUBLE) AS value, 'aantal' AS unit,
       CAST(NULL AS DOUBLE) AS target, CAST(NULL AS BOOLEAN) AS on_track,
       incomplete,
       CAST(NULL AS VARCHAR) AS label, CAST(NULL AS DOUBLE) AS numerator, CAST(NULL AS DOUBLE) AS denominator,
       'Techniekpactmonitor' AS source, vintage
FROM agg
LEFT JOIN (SELECT DISTINCT jaar, period_start, period_end FROM staging.stg_tpm_docenten) AS b USING (jaar);
