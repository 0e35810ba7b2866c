-- depends_on: staging.vintage_in_force
-- predict_stromen: the rows in force, by the key-level vintage rule (staging.key_level_in_force, see
-- vintage_in_force.sql): per key the latest vintage, except that an NL row gives way when a later vintage
-- delivered the same key without its region (Jaar, Stroom, Categorie) by region; in_national marks the rows the
-- national figure is formed from. Only extracts that loaded count, and only those published on or before the
-- run's as-of date (SET VARIABLE as_of = DATE '...'; unset means latest).
CREATE OR REPLACE VIEW staging.stg_predict_stromen AS
WITH delivered AS (
    SELECT r.*, {'jaar': r.jaar, 'stroom': r.stroom, 'categorie': r.categorie} AS key_without_region
    FROM staging.loaded_rows('raw.predict_stromen') AS r
)
SELECT
    jaar,
    stroom,
    categorie,
    regio,
    aantal,
    aantal_status,
    period_start,
    period_end,
    vintage,
    extract_id,
    line_number,
    in_national
FROM staging.key_level_in_force(delivered)
LEFT JOIN meta.period_bounds AS pb ON pb.period_type = 'year' AND pb.period = CAST(jaar AS VARCHAR);
