-- depends_on: intermediate.int_nl_or_regions, staging.stg_predict_stromen, staging.stg_tpm_stromen
-- Labour-market flow rows of both domains (techniek: Techniekpactmonitor, ict: pr-eDICT; never
-- added together), placed in their province and in NL, with the same NL rule as the stock, per year,
-- flow and category (staging.key_level_in_force, applied by intermediate.nl_or_regions).
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE OR REPLACE VIEW intermediate.int_stromen_cells AS
WITH s AS (
    SELECT 'techniek' AS domain, 'Techniekpactmonitor' AS source, 'tpm_stromen' AS dataset,
           jaar, period_start, period_end, stroom, categorie, regio, aantal, aantal_status, vintage, extract_id, line_number, in_national
    FROM staging.stg_tpm_stromen
    UNION ALL
    SELECT 'ict', 'pr-eDICT', 'predict_stromen',
           jaar, period_start, period_end, stroom, categorie, regio, aantal, aantal_status, vintage, extract_id, line_number, in_national
    FROM staging.stg_predict_stromen
)
SELECT domain, source, jaar, period_start, period_end, stroom, categorie,
       region, region_level,
       aantal, aantal_status,
       dataset, input_region, vintage, extract_id, line_number
FROM intermediate.nl_or_regions(s, 'provincie');
