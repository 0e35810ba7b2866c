-- depends_on: staging.stg_roa_prognoses
-- ROA forecast rows per occupation class, placed in their domains (techniek = class 07,
-- ict = class 08, totaal = every class). ROA forecasts are national only.
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE OR REPLACE VIEW intermediate.int_roa_cells AS
SELECT unnest(CASE r.beroepsklasse
                  WHEN '07' THEN ['techniek', 'totaal']
                  WHEN '08' THEN ['ict', 'totaal']
                  ELSE ['totaal'] END) AS domain,
       r.prognoseperiode, r.periode_begin, r.periode_eind, r.period_start, r.period_end, r.beroepsklasse,
       'NL' AS region, 'nl' AS region_level,
       r.werkgelegenheid_begin, r.werkgelegenheid_begin_status,
       r.uitbreidingsvraag, r.uitbreidingsvraag_status,
       r.vervangingsvraag, r.vervangingsvraag_status,
       r.baanopeningen, r.baanopeningen_status,
       r.instroom_schoolverlaters, r.instroom_schoolverlaters_status,
       r.itkp, r.itkp_status, r.typering, r.typering_status,
       'roa_prognoses' AS dataset, 'NL' AS input_region, r.vintage, r.extract_id, r.line_number
FROM staging.stg_roa_prognoses AS r;
