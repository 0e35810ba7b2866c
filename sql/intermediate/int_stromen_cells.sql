-- depends_on: staging.stg_predict_stromen, staging.stg_tpm_stromen
-- Labour-market flow rows of both domains (techniek: Techniekpactmonitor, ict: pr-eDICT; never
-- added together), placed in their province and in NL, with the same NL rule as the stock, per year,
-- flow and category (staging.key_level_in_force).
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE OR REPLACE VIEW intermediate.int_stromen_cells AS
WITH s AS (
    SELECT 'techniek' AS domain, 'Techniekpactmonitor' AS source, 'tpm_stromen' AS dataset,
           jaar, stroom, categorie, regio, aantal, aantal_status, vintage, extract_id, line_number, in_national
    FROM staging.stg_tpm_stromen
    UNION ALL
    SELECT 'ict', 'pr-eDICT', 'predict_stromen',
           jaar, stroom, categorie, regio, aantal, aantal_status, vintage, extract_id, line_number, in_national
    FROM staging.stg_predict_stromen
)
SELECT s.domain, s.source, s.jaar, s.stroom, s.categorie,
       s.regio AS region,
       CASE WHEN s.regio = 'NL' THEN 'nl' ELSE 'provincie' END AS region_level,
       s.aantal, s.aantal_status,
       s.dataset, s.regio AS input_region, s.vintage, s.extract_id, s.line_number
FROM s
UNION ALL
SELECT s.domain, s.source, s.jaar, s.stroom, s.categorie,
       'NL', 'nl',
       s.aantal, s.aantal_status,
       s.dataset, s.regio, s.vintage, s.extract_id, s.line_number
FROM s
WHERE s.regio <> 'NL' AND s.in_national;
