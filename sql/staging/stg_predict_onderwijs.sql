-- depends_on: staging.vintage_in_force
-- predict_onderwijs: the rows in force, by the key-level vintage rule (staging.key_level_in_force, see
-- vintage_in_force.sql): per key the latest vintage, except that an NL row gives way when a later vintage
-- delivered the same key without its region (Studiejaar, Onderwijssoort, Fase, Type, Geslacht) by region;
-- in_national marks the rows the national figure is formed from. Only extracts that loaded count, and only
-- those published on or before the run's as-of date (SET VARIABLE as_of = DATE '...'; unset means latest).
CREATE OR REPLACE VIEW staging.stg_predict_onderwijs AS
WITH delivered AS (
    SELECT r.*, {'studiejaar': r.studiejaar, 'onderwijssoort': r.onderwijssoort, 'fase': r.fase, 'type': r.type, 'geslacht': r.geslacht} AS key_without_region
    FROM staging.loaded_rows('raw.predict_onderwijs') AS r
)
SELECT
    studiejaar,
    onderwijssoort,
    fase,
    type,
    regio,
    geslacht,
    aantal,
    aantal_status,
    CAST(year(period_start) AS INTEGER) AS studiejaar_start,
    period_start,
    period_end,
    vintage,
    extract_id,
    line_number,
    in_national
FROM staging.key_level_in_force(delivered)
LEFT JOIN meta.period_bounds AS pb ON pb.period_type = 'school_year' AND pb.period = studiejaar;
