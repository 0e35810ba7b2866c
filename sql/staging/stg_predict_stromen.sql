-- predict_stromen: the vintage in force per key. Only extracts that loaded count, and only those
-- published on or before the run's as-of date (SET VARIABLE as_of = DATE '...'; unset means latest).
CREATE OR REPLACE VIEW staging.stg_predict_stromen AS
SELECT
    r.jaar,
    r.stroom,
    r.categorie,
    r.regio,
    r.aantal,
    r.aantal_status,
    r.vintage,
    r.extract_id,
    r.line_number
FROM raw.predict_stromen AS r
JOIN meta.extracts AS e ON e.extract_id = r.extract_id
WHERE e.state = 'loaded'
  AND r.vintage <= COALESCE(TRY_CAST(getvariable('as_of') AS DATE), DATE '9999-12-31')
QUALIFY row_number() OVER (PARTITION BY r.jaar, r.stroom, r.categorie, r.regio ORDER BY r.vintage DESC, r.extract_id DESC) = 1;
