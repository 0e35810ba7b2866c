-- pr-eDICT education rows placed in every region they count for: their own province, and NL
-- (the delivered NL row, or the sum of the provinces when the latest delivery for that school
-- year came by province).
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE OR REPLACE VIEW intermediate.int_predict_onderwijs_cells AS
WITH s AS (
    SELECT * FROM staging.stg_predict_onderwijs
),
basis AS (
    SELECT studiejaar,
           coalesce(max(vintage) FILTER (WHERE regio = 'NL'), DATE '0001-01-01')
               >= coalesce(max(vintage) FILTER (WHERE regio <> 'NL'), DATE '0001-01-01') AS nl_delivered
    FROM s
    GROUP BY studiejaar
)
SELECT s.studiejaar, s.studiejaar_start, s.onderwijssoort, s.fase, s.type, s.geslacht,
       s.regio AS region,
       CASE WHEN s.regio = 'NL' THEN 'nl' ELSE 'provincie' END AS region_level,
       s.aantal, s.aantal_status,
       'predict_onderwijs' AS dataset, s.regio AS input_region, s.vintage, s.extract_id, s.line_number
FROM s JOIN basis b USING (studiejaar)
WHERE s.regio <> 'NL' OR b.nl_delivered
UNION ALL
SELECT s.studiejaar, s.studiejaar_start, s.onderwijssoort, s.fase, s.type, s.geslacht,
       'NL', 'nl',
       s.aantal, s.aantal_status,
       'predict_onderwijs', s.regio, s.vintage, s.extract_id, s.line_number
FROM s JOIN basis b USING (studiejaar)
WHERE s.regio <> 'NL' AND NOT b.nl_delivered;
