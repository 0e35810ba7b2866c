-- depends_on: staging.key_level_vintage
-- roa_prognoses: the vintage in force per key. Only extracts that loaded count, and only those
-- published on or before the run's as-of date (SET VARIABLE as_of = DATE '...'; unset means latest).
CREATE OR REPLACE VIEW staging.stg_roa_prognoses AS
SELECT
    r.prognoseperiode,
    r.beroepsklasse,
    r.werkgelegenheid_begin,
    r.werkgelegenheid_begin_status,
    r.uitbreidingsvraag,
    r.uitbreidingsvraag_status,
    r.vervangingsvraag,
    r.vervangingsvraag_status,
    r.baanopeningen,
    r.baanopeningen_status,
    r.instroom_schoolverlaters,
    r.instroom_schoolverlaters_status,
    r.itkp,
    r.itkp_status,
    r.typering,
    r.typering_status,
    CAST(substr(r.prognoseperiode,1,4) AS INTEGER) AS periode_begin,
    CAST(substr(r.prognoseperiode,6,4) AS INTEGER) AS periode_eind,
    r.vintage,
    r.extract_id,
    r.line_number
FROM raw.roa_prognoses AS r
JOIN meta.extracts AS e ON e.extract_id = r.extract_id
WHERE e.state = 'loaded'
  AND r.vintage <= staging.as_of_limit()
QUALIFY row_number() OVER (PARTITION BY r.prognoseperiode, r.beroepsklasse ORDER BY r.vintage DESC, r.extract_id DESC) = 1;
