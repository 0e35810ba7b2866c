-- depends_on: staging.stg_tpm_onderwijs
-- Techniekpactmonitor education rows placed in every region they count for: their own
-- Techniekpact region, and NL. Which rows form NL is decided per key without its region by the
-- staging rule (staging.key_level_in_force): the delivered NL row, or the sum of the TP regions when the
-- latest vintage delivering that key came by region (in_national marks them).
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE OR REPLACE VIEW intermediate.int_tpm_onderwijs_cells AS
WITH s AS (
    SELECT * FROM staging.stg_tpm_onderwijs
)
SELECT s.studiejaar, s.studiejaar_start, s.onderwijssoort, s.fase, s.richting, s.geslacht,
       s.regio AS region,
       CASE WHEN s.regio = 'NL' THEN 'nl' ELSE 'techniekpactregio' END AS region_level,
       s.aantal, s.aantal_status,
       'tpm_onderwijs' AS dataset, s.regio AS input_region, s.vintage, s.extract_id, s.line_number
FROM s
UNION ALL
SELECT s.studiejaar, s.studiejaar_start, s.onderwijssoort, s.fase, s.richting, s.geslacht,
       'NL', 'nl',
       s.aantal, s.aantal_status,
       'tpm_onderwijs', s.regio, s.vintage, s.extract_id, s.line_number
FROM s
WHERE s.regio <> 'NL' AND s.in_national;
