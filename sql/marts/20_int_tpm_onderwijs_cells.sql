-- Techniekpactmonitor education rows placed in every region they count for: their own
-- Techniekpact region, and NL. NL is the delivered NL row, or the sum of the TP regions when the
-- latest delivery for that school year came by region only (a later vintage wins).
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE OR REPLACE VIEW intermediate.int_tpm_onderwijs_cells AS
WITH s AS (
    SELECT * FROM staging.stg_tpm_onderwijs
),
basis AS (
    SELECT studiejaar,
           coalesce(max(vintage) FILTER (WHERE regio = 'NL'), DATE '0001-01-01')
               >= coalesce(max(vintage) FILTER (WHERE regio <> 'NL'), DATE '0001-01-01') AS nl_delivered
    FROM s
    GROUP BY studiejaar
)
SELECT s.studiejaar, s.studiejaar_start, s.onderwijssoort, s.fase, s.richting, s.geslacht,
       s.regio AS region,
       CASE WHEN s.regio = 'NL' THEN 'nl' ELSE 'techniekpactregio' END AS region_level,
       s.aantal, s.aantal_status,
       'tpm_onderwijs' AS dataset, s.regio AS input_region, s.vintage, s.extract_id, s.line_number
FROM s JOIN basis b USING (studiejaar)
WHERE s.regio <> 'NL' OR b.nl_delivered
UNION ALL
SELECT s.studiejaar, s.studiejaar_start, s.onderwijssoort, s.fase, s.richting, s.geslacht,
       'NL', 'nl',
       s.aantal, s.aantal_status,
       'tpm_onderwijs', s.regio, s.vintage, s.extract_id, s.line_number
FROM s JOIN basis b USING (studiejaar)
WHERE s.regio <> 'NL' AND NOT b.nl_delivered;
