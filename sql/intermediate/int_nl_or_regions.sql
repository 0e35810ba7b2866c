-- depends_on: none
-- The "NL row, or else the sum of the regions" rule, written once for every dataset delivered either nationally
-- or by region (tpm_onderwijs by Techniekpact region; tpm/predict werkzaam and stromen, predict_onderwijs by
-- province). Which rows form NL is decided per key without its region in staging (staging.key_level_in_force:
-- the delivered NL row, or the regional rows when the latest vintage delivering that key came by region; in_national
-- marks them).
--
-- intermediate.nl_or_regions(rows, regional_level): `rows` names a relation (a CTE of the calling view) of staging
-- rows with at least the columns regio and in_national. Every row is placed in its own region (region = regio,
-- region_level 'nl' for the NL row, else `regional_level`), and a regional row marked in_national is placed in NL as
-- well. It returns every input column except regio and in_national, then region, region_level and input_region
-- (the region as delivered), so the national figure is the sum of the rows placed in NL.
CREATE SCHEMA IF NOT EXISTS intermediate;

CREATE OR REPLACE MACRO intermediate.nl_or_regions(rows, regional_level) AS TABLE
SELECT * EXCLUDE (regio, in_national),
       regio AS region,
       CASE WHEN regio = 'NL' THEN 'nl' ELSE regional_level END AS region_level,
       regio AS input_region
FROM query_table(rows)
UNION ALL
SELECT * EXCLUDE (regio, in_national),
       'NL',
       'nl',
       regio
FROM query_table(rows)
WHERE regio <> 'NL' AND in_national;
