-- depends_on: staging.key_level_vintage
-- uwv_vacatures_detail: per vacancy the record of the latest vintage in force (as-of aware).
CREATE OR REPLACE VIEW staging.stg_uwv_vacatures_detail AS
SELECT
    r.vacature_id,
    r.datum_ontstaan,
    r.datum_vervuld,
    r.beroepsklasse,
    r.arbeidsmarktregio,
    r.aantal_posities,
    r.vintage,
    r.extract_id,
    r.line_number
FROM raw.uwv_vacatures_detail AS r
JOIN meta.extracts AS e ON e.extract_id = r.extract_id
WHERE e.state = 'loaded'
  AND r.vintage <= staging.as_of_limit()
QUALIFY row_number() OVER (PARTITION BY r.vacature_id ORDER BY r.vintage DESC, r.extract_id DESC) = 1;
