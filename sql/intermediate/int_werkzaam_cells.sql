-- depends_on: staging.stg_predict_werkzaam, staging.stg_tpm_werkzaam
-- Workforce stock rows of both domains, each from its own source (techniek: Techniekpactmonitor,
-- ict: pr-eDICT; never added together), placed in their province and in NL. NL is decided per year and
-- sex by the staging rule (staging.key_level_in_force): the delivered NL row, or the sum of the provinces
-- when the latest vintage delivering that year and sex came by province. So one year's NL figure may add
-- the men's provinces of a later vintage to the women's NL row of an earlier one.
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE OR REPLACE VIEW intermediate.int_werkzaam_cells AS
WITH s AS (
    SELECT 'techniek' AS domain, 'Techniekpactmonitor' AS source, 'tpm_werkzaam' AS dataset,
           jaar, regio, geslacht, werkzaam, werkzaam_status, vintage, extract_id, line_number, in_national
    FROM staging.stg_tpm_werkzaam
    UNION ALL
    SELECT 'ict', 'pr-eDICT', 'predict_werkzaam',
           jaar, regio, geslacht, werkzaam, werkzaam_status, vintage, extract_id, line_number, in_national
    FROM staging.stg_predict_werkzaam
)
SELECT s.domain, s.source, s.jaar, s.geslacht,
       s.regio AS region,
       CASE WHEN s.regio = 'NL' THEN 'nl' ELSE 'provincie' END AS region_level,
       s.werkzaam, s.werkzaam_status,
       s.dataset, s.regio AS input_region, s.vintage, s.extract_id, s.line_number
FROM s
UNION ALL
SELECT s.domain, s.source, s.jaar, s.geslacht,
       'NL', 'nl',
       s.werkzaam, s.werkzaam_status,
       s.dataset, s.regio, s.vintage, s.extract_id, s.line_number
FROM s
WHERE s.regio <> 'NL' AND s.in_national;
