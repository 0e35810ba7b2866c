-- depends_on: staging.stg_programma_acties
-- mart.acties: the action register in force at the as-of date (the latest programma_acties vintage on
-- or before it), one row per action, with whether it is behind or on schedule on that vintage's date
-- and the KPIs it aims at as written ('code' or 'code:domein'). mart.actie_indicatoren has one row per
-- link, so that the report can find, next to a KPI that is behind, the actions aimed at it.
CREATE OR REPLACE TABLE mart.acties AS
SELECT
    CAST(actie_id AS VARCHAR) AS actie_id,
    CAST(pijler AS INTEGER) AS pijler,
    CAST(maatregel AS VARCHAR) AS maatregel,
    CAST(eigenaar AS VARCHAR) AS eigenaar,
    CAST(status AS VARCHAR) AS status,
    CAST(start AS DATE) AS start,
    CAST(gepland_gereed AS DATE) AS gepland_gereed,
    CAST(gereed AS DATE) AS gereed,
    CAST(achter_schema AS BOOLEAN) AS achter_schema,
    CAST(op_schema AS BOOLEAN) AS op_schema,
    CAST(CASE WHEN indicator IS NULL OR trim(indicator) = '' THEN []
              ELSE string_split(regexp_replace(trim(indicator), '\s*,\s*', ',', 'g'), ',') END AS VARCHAR[]) AS indicatoren,
    CAST(vintage AS DATE) AS vintage,
    CAST(extract_id AS INTEGER) AS extract_id
FROM staging.stg_programma_acties
ORDER BY actie_id;

CREATE OR REPLACE TABLE mart.actie_indicatoren AS
SELECT
    CAST(actie_id AS VARCHAR) AS actie_id,
    CAST(split_part(link, ':', 1) AS VARCHAR) AS indicator,
    CAST(NULLIF(split_part(link, ':', 2), '') AS VARCHAR) AS domain,
    CAST(vintage AS DATE) AS vintage
FROM (SELECT actie_id, unnest(indicatoren) AS link, vintage FROM mart.acties)
ORDER BY actie_id, indicator, domain NULLS FIRST;
