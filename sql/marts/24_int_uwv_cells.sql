-- UWV rows per labour-market region and occupation class, placed in every region (the AM region,
-- its province from ref.arbeidsmarktregios, NL) and domain (techniek = class 07, ict = class 08,
-- totaal = every class) they count for. NL is always the sum of the regions: UWV delivers no NL rows.
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE OR REPLACE VIEW intermediate.int_uwv_cells AS
WITH s AS (
    SELECT v.*, a.provincie,
           unnest(CASE v.beroepsklasse
                      WHEN '07' THEN ['techniek', 'totaal']
                      WHEN '08' THEN ['ict', 'totaal']
                      ELSE ['totaal'] END) AS domain
    FROM staging.stg_uwv_vacatures AS v
    LEFT JOIN ref.arbeidsmarktregios AS a ON a.code = v.arbeidsmarktregio
),
placed AS (
    SELECT s.*, s.arbeidsmarktregio AS region, 'arbeidsmarktregio' AS region_level FROM s
    UNION ALL
    SELECT s.*, s.provincie, 'provincie' FROM s WHERE s.provincie IS NOT NULL
    UNION ALL
    SELECT s.*, 'NL', 'nl' FROM s
)
SELECT domain, periode, periode_volgorde, beroepsklasse, region, region_level,
       openstaande_vacatures, openstaande_vacatures_status,
       ww_korter_dan_half_jaar, ww_korter_dan_half_jaar_status,
       'uwv_vacatures' AS dataset, arbeidsmarktregio AS input_region, vintage, extract_id, line_number
FROM placed;
