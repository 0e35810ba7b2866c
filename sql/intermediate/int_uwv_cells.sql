-- depends_on: intermediate.int_uwv_placement, staging.stg_uwv_vacatures
-- UWV rows per labour-market region and occupation class, placed in every region (the AM region,
-- its province from ref.arbeidsmarktregios, NL) and domain (techniek = class 07, ict = class 08,
-- totaal = every class) they count for. NL is always the sum of the regions: UWV delivers no NL rows.
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE OR REPLACE VIEW intermediate.int_uwv_cells AS
WITH placed AS (
    SELECT v.*, unnest(intermediate.uwv_domains(v.beroepsklasse)) AS domain, p.region, p.region_level
    FROM staging.stg_uwv_vacatures AS v
    JOIN intermediate.int_uwv_region_placement AS p USING (arbeidsmarktregio)
)
SELECT domain, periode, periode_volgorde, period_start, period_end, beroepsklasse, region, region_level,
       openstaande_vacatures, openstaande_vacatures_status,
       ww_korter_dan_half_jaar, ww_korter_dan_half_jaar_status,
       'uwv_vacatures' AS dataset, arbeidsmarktregio AS input_region, vintage, extract_id, line_number
FROM placed;
