-- depends_on: none
-- The "vintage in force" rule, written once for every staging view (each view declares this file in its
-- depends_on header). A row is in force when its extract loaded, its vintage is on or before the build's as-of
-- date, and no later vintage (or later extract of the same vintage) delivered the same key.
--
-- staging.as_of_limit(): the last vintage date a build may use (SET VARIABLE as_of = DATE '...'; unset: no limit).
--
-- staging.loaded_rows(raw_table): the rows of a raw table (its name as a string, e.g. 'raw.tpm_docenten') that
-- count: their extract loaded (meta.extracts.state) and their vintage is up to staging.as_of_limit(); every column.
--
-- staging.latest_in_force(delivered): `delivered` names a relation (a CTE of the calling view) with at least the
-- columns vintage_key (every key column, packed in one comparable value, e.g. a struct), vintage and extract_id. It
-- returns per vintage_key the row of the latest vintage (latest extract_id on a tie), every column but vintage_key.
--
-- staging.key_level_in_force(delivered): the vintage rule at key level, shared by every dataset whose national
-- figure is either a delivered NL row or the sum of regional rows (tpm_onderwijs: Techniekpact regions; tpm/predict
-- werkzaam and stromen, predict_onderwijs: provinces). `delivered` names a relation (a CTE of the calling view)
-- holding rows of staging.loaded_rows(...), with at least the columns key_without_region (every key column
-- except Regio, packed in one comparable value, e.g. a struct), regio, vintage and extract_id. It returns
-- the rows in force, every input column except key_without_region, plus in_national BOOLEAN:
--   * per full key (key_without_region, regio) the row of the latest vintage (latest extract_id on a tie);
--   * per key without its region, the latest extract that delivers that key at any level decides how its national
--     figure is formed: from its NL row when it delivered one, else as the sum of the regional rows in force for
--     that key. in_national marks the rows of that level; the national figure is the sum of exactly those rows.
--   * an NL row older than the deciding extract is out of force (a later delivery by region replaced it); regional
--     rows stay in force as regional figures whatever level decides the national one (a file is a complete release
--     of the keys it contains, and an NL-only file does not contain the regional keys).
-- Example: vintage A has NL 2012 for men and women, vintage B has 2012 by province for men only. Men 2012 are
-- decided by B (national = B's provinces), women 2012 by A (national = A's NL row); A's NL row for men is out of force.
CREATE SCHEMA IF NOT EXISTS staging;

CREATE OR REPLACE MACRO staging.as_of_limit() AS
    COALESCE(TRY_CAST(getvariable('as_of') AS DATE), DATE '9999-12-31');

CREATE OR REPLACE MACRO staging.loaded_rows(raw_table) AS TABLE
SELECT r.*
FROM query_table(raw_table) AS r
JOIN meta.extracts AS e ON e.extract_id = r.extract_id
WHERE e.state = 'loaded'
  AND r.vintage <= staging.as_of_limit();

CREATE OR REPLACE MACRO staging.latest_in_force(delivered) AS TABLE
SELECT * EXCLUDE (vintage_key)
FROM query_table(delivered)
QUALIFY row_number() OVER (PARTITION BY vintage_key ORDER BY vintage DESC, extract_id DESC) = 1;

CREATE OR REPLACE MACRO staging.key_level_in_force(delivered) AS TABLE
WITH latest AS (
    SELECT *
    FROM query_table(delivered)
    QUALIFY row_number() OVER (PARTITION BY key_without_region, regio ORDER BY vintage DESC, extract_id DESC) = 1
),
decided AS (
    -- The latest extract of a key is among the latest rows of its full keys, so deciding from `latest` is exact.
    SELECT *,
           first_value(extract_id) OVER (PARTITION BY key_without_region ORDER BY vintage DESC, extract_id DESC)
               AS deciding_extract_id
    FROM latest
),
levelled AS (
    SELECT *,
           bool_or(regio = 'NL' AND extract_id = deciding_extract_id) OVER (PARTITION BY key_without_region)
               AS national_from_nl_row
    FROM decided
)
SELECT * EXCLUDE (key_without_region, deciding_extract_id, national_from_nl_row),
       CASE WHEN regio = 'NL' THEN true ELSE NOT national_from_nl_row END AS in_national
FROM levelled
WHERE regio <> 'NL' OR national_from_nl_row;
