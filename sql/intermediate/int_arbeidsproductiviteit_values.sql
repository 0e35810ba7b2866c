-- depends_on: staging.stg_cbs_arbeidsproductiviteit
-- Pillar 3, CBS: the volume change of labour productivity per year, for the whole economy (the
-- delivered totaal row, category NULL) and per SBI 2008 section (category = the letter). Growth rates
-- of industries are never added or averaged: each value is one delivered cell. provisional is true for
-- the years CBS still calls voorlopig or nader_voorlopig; it is not part of the target status.
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE OR REPLACE VIEW intermediate.int_arbeidsproductiviteit_values AS
SELECT 'arbeidsproductiviteit_groei' AS indicator, 'totaal' AS domain,
       CAST(jaar AS VARCHAR) AS period, 'year' AS period_type, jaar AS period_order, period_start, period_end,
       'NL' AS region, 'nl' AS region_level,
       CASE WHEN bedrijfstak = 'totaal' THEN NULL ELSE bedrijfstak END AS category,
       productiviteit_mutatie AS value, 'procent' AS unit,
       CAST(NULL AS DOUBLE) AS target, CAST(NULL AS BOOLEAN) AS on_track,
       productiviteit_mutatie_status IS NOT NULL AS incomplete,
       CAST(NULL AS VARCHAR) AS label, CAST(NULL AS DOUBLE) AS numerator, CAST(NULL AS DOUBLE) AS denominator,
       'CBS' AS source, vintage, provisional
FROM staging.stg_cbs_arbeidsproductiviteit;
