-- Labour-market flow rows of both domains (techniek: Techniekpactmonitor, ict: pr-eDICT; never
-- added together), placed in their province and in NL, with the same NL rule as the stock.
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE OR REPLACE VIEW intermediate.int_stromen_cells AS
WITH s AS (
    SELECT 'techniek' AS domain, 'Techniekpactmonitor' AS source, 'tpm_stromen' AS dataset,
           jaar, stroom, categorie, regio, aantal, aantal_status, vintage, extract_id, line_number
    FROM staging.stg_tpm_stromen
    UNION ALL
    SELECT 'ict', 'pr-eDICT', 'predict_stromen',
           jaar, stroom, categorie, regio, aantal, aantal_status, vintage, extract_id, line_number
    FROM staging.stg_predict_stromen
),
basis AS (
    SELECT dataset, jaar,
           coalesce(max(vintage) FILTER (WHERE regio = 'NL'), DATE '0001-01-01')
               >= coalesce(max(vintage) FILTER (WHERE regio <> 'NL'), DATE '0001-01-01') AS nl_delivered
    FROM s
    GROUP BY dataset, jaar
)
SELECT s.domain, s.source, s.jaar, s.stroom, s.categorie,
       s.regio AS region,
       CASE WHEN s.regio = 'NL' THEN 'nl' ELSE 'provincie' END AS region_level,
       s.aantal, s.aantal_status,
       s.dataset, s.regio AS input_region, s.vintage, s.extract_id, s.line_number
FROM s JOIN basis b USING (dataset, jaar)
WHERE s.regio <> 'NL' OR b.nl_delivered
UNION ALL
SELECT s.domain, s.source, s.jaar, s.stroom, s.categorie,
       'NL', 'nl',
       s.aantal, s.aantal_status,
       s.dataset, s.regio, s.vintage, s.extract_id, s.line_number
FROM s JOIN basis b USING (dataset, jaar)
WHERE s.regio <> 'NL' AND NOT b.nl_delivered;
