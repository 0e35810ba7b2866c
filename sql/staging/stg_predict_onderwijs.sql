-- predict_onderwijs: the vintage in force per key. Only extracts that loaded count, and only those
-- published on or before the run's as-of date (SET VARIABLE as_of = DATE '...'; unset means latest).
CREATE OR REPLACE VIEW staging.stg_predict_onderwijs AS
SELECT
    r.studiejaar,
    r.onderwijssoort,
    r.fase,
    r.type,
    r.regio,
    r.geslacht,
    r.aantal,
    r.aantal_status,
    CAST(substr(r.studiejaar,1,4) AS INTEGER) AS studiejaar_start,
    r.vintage,
    r.extract_id,
    r.line_number
FROM raw.predict_onderwijs AS r
JOIN meta.extracts AS e ON e.extract_id = r.extract_id
WHERE e.state = 'loaded'
  AND r.vintage <= COALESCE(TRY_CAST(getvariable('as_of') AS DATE), DATE '9999-12-31')
QUALIFY row_number() OVER (PARTITION BY r.studiejaar, r.onderwijssoort, r.fase, r.type, r.regio, r.geslacht ORDER BY r.vintage DESC, r.extract_id DESC) = 1;
