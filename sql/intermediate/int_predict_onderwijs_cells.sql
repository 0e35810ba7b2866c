-- depends_on: intermediate.int_nl_or_regions, staging.stg_predict_onderwijs
-- pr-eDICT education rows placed in every region they count for: their own province, and NL
-- (per key without its region, by the staging rule staging.key_level_in_force: the delivered NL row, or
-- the sum of the provinces when the latest vintage delivering that key came by province).
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE OR REPLACE VIEW intermediate.int_predict_onderwijs_cells AS
WITH s AS (
    SELECT *, 'predict_onderwijs' AS dataset FROM staging.stg_predict_onderwijs
)
SELECT studiejaar, studiejaar_start, period_start, period_end, onderwijssoort, fase, type, geslacht,
       region, region_level,
       aantal, aantal_status,
       dataset, input_region, vintage, extract_id, line_number
FROM intermediate.nl_or_regions(s, 'provincie');
