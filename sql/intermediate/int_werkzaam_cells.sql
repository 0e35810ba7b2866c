-- depends_on: intermediate.int_nl_or_regions, staging.stg_predict_werkzaam, staging.stg_tpm_werkzaam
-- Workforce stock rows of both domains, each from its own source (techniek: Techniekpactmonitor,
-- ict: pr-eDICT; never added together), placed in their province and in NL. NL is decided per year and
-- sex by the staging rule (staging.key_level_in_force, applied by intermediate.nl_or_regions): the delivered NL row, or the sum of the provinces
-- when the latest vintage delivering that year and sex came by province. So one year's NL figure may add
-- the men's provinces of a later vintage to the women's NL row of an earlier one.
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE OR REPLACE VIEW intermediate.int_werkzaam_cells AS
WITH s AS (
    SELECT 'techniek' AS domain, 'Techniekpactmonitor' AS source, 'tpm_werkzaam' AS dataset,
           jaar, period_start, period_end, regio, geslacht, werkzaam, werkzaam_status, vintage, extract_id, line_number, in_national
    FROM staging.stg_tpm_werkzaam
    UNION ALL
    SELECT 'ict', 'pr-eDICT', 'predict_werkzaam',
           jaar, period_start, period_end, regio, geslacht, werkzaam, werkzaam_status, vintage, extract_id, line_number, in_national
    FROM staging.stg_predict_werkzaam
)
SELECT domain, source, jaar, period_start, period_end, geslacht,
       region, region_level,
       werkzaam, werkzaam_status,
       dataset, input_region, vintage, extract_id, line_number
FROM intermediate.nl_or_regions(s, 'provincie');
