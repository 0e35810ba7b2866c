-- depends_on: intermediate.int_nl_or_regions, staging.stg_tpm_onderwijs
-- Techniekpactmonitor education rows placed in every region they count for: their own
-- Techniekpact region, and NL. Which rows form NL is decided per key without its region by the
-- staging rule (staging.key_level_in_force): the delivered NL row, or the sum of the TP regions when the
-- latest vintage delivering that key came by region (in_national marks them).
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE OR REPLACE VIEW intermediate.int_tpm_onderwijs_cells AS
WITH s AS (
    SELECT *, 'tpm_onderwijs' AS dataset FROM staging.stg_tpm_onderwijs
)
SELECT studiejaar, studiejaar_start, period_start, period_end, onderwijssoort, fase, richting, geslacht,
       region, region_level,
       aantal, aantal_status,
       dataset, input_region, vintage, extract_id, line_number
FROM intermediate.nl_or_regions(s, 'techniekpactregio');
