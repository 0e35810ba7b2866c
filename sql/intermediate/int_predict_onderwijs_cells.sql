-- depends_on: staging.stg_predict_onderwijs
-- pr-eDICT education rows placed in every region they count for: their own province, and NL
-- (per key without its region, by the staging rule staging.key_level_in_force: the delivered NL row, or
-- the sum of the provinces when the latest vintage delivering that key came by province).
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE OR REPLACE VIEW intermediate.int_predict_onderwijs_cells AS
WITH s AS (
    SELECT * FROM staging.stg_predict_onderwijs
)
SELECT s.studiejaar, s.studiejaar_start, s.onderwijssoort, s.fase, s.type, s.geslacht,
       s.regio AS region,
       CASE WHEN s.regio = 'NL' THEN 'nl' ELSE 'provincie' END AS region_level,
       s.aantal, s.aantal_status,
       'predict_onderwijs' AS dataset, s.regio AS input_region, s.vintage, s.extract_id, s.line_number
FROM s
UNION ALL
SELECT s.studiejaar, s.studiejaar_start, s.onderwijssoort, s.fase, s.type, s.geslacht,
       'NL', 'nl',
       s.aantal, s.aantal_status,
       'predict_onderwijs', s.regio, s.vintage, s.extract_id, s.line_number
FROM s
WHERE s.regio <> 'NL' AND s.in_national;
