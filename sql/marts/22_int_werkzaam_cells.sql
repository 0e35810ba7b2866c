-- Workforce stock rows of both domains, each from its own source (techniek: Techniekpactmonitor,
-- ict: pr-eDICT; never added together), placed in their province and in NL. NL is the delivered
-- NL row, or the sum of the provinces when the latest delivery for that year came by province.
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE OR REPLACE VIEW intermediate.int_werkzaam_cells AS
WITH s AS (
    SELECT 'techniek' AS domain, 'Techniekpactmonitor' AS source, 'tpm_werkzaam' AS dataset,
           jaar, regio, geslacht, werkzaam, werkzaam_status, vintage, extract_id, line_number
    FROM staging.stg_tpm_werkzaam
    UNION ALL
    SELECT 'ict', 'pr-eDICT', 'predict_werkzaam',
           jaar, regio, geslacht, werkzaam, werkzaam_status, vintage, extract_id, line_number
    FROM staging.stg_predict_werkzaam
),
basis AS (
    SELECT dataset, jaar,
           coalesce(max(vintage) FILTER (WHERE regio = 'NL'), DATE '0001-01-01')
               >= coalesce(max(vintage) FILTER (WHERE regio <> 'NL'), DATE '0001-01-01') AS nl_delivered
    FROM s
    GROUP BY dataset, jaar
)
SELECT s.domain, s.source, s.jaar, s.geslacht,
       s.regio AS region,
       CASE WHEN s.regio = 'NL' THEN 'nl' ELSE 'provincie' END AS region_level,
       s.werkzaam, s.werkzaam_status,
       s.dataset, s.regio AS input_region, s.vintage, s.extract_id, s.line_number
FROM s JOIN basis b USING (dataset, jaar)
WHERE s.regio <> 'NL' OR b.nl_delivered
UNION ALL
SELECT s.domain, s.source, s.jaar, s.geslacht,
       'NL', 'nl',
       s.werkzaam, s.werkzaam_status,
       s.dataset, s.regio, s.vintage, s.extract_id, s.line_number
FROM s JOIN basis b USING (dataset, jaar)
WHERE s.regio <> 'NL' AND NOT b.nl_delivered;
