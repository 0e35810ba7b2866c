-- depends_on: staging.vintage_in_force
-- uwv_vacatures_detail: per vacancy the record of the latest vintage in force (as-of aware).
CREATE OR REPLACE VIEW staging.stg_uwv_vacatures_detail AS
WITH delivered AS (
    SELECT r.*, r.vacature_id AS vintage_key
    FROM staging.loaded_rows('raw.uwv_vacatures_detail') AS r
)
SELECT
    vacature_id,
    datum_ontstaan,
    datum_vervuld,
    beroepsklasse,
    arbeidsmarktregio,
    aantal_posities,
    vintage,
    extract_id,
    line_number
FROM staging.latest_in_force(delivered);
