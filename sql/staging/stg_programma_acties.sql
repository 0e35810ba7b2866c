-- depends_on: staging.vintage_in_force
-- programma_acties: unlike the statistical extracts, a vintage is the complete action register as it
-- stood on its date. Two views:
--   stg_programma_acties_vintages: every loaded vintage on or before the as-of date, each row flagged
--     behind / on schedule on that vintage date (CONTRACTS.md): behind when Status is vertraagd, or when
--     it is neither afgerond nor gestopt and Gepland_gereed lies before the vintage date; on schedule when
--     neither behind nor gestopt. Per quarter, last_in_quarter marks the last vintage delivered in it.
--   stg_programma_acties: the register in force, the rows of the latest such vintage only; an action
--     absent from it is no longer in the register, whatever earlier vintages said.
CREATE OR REPLACE VIEW staging.stg_programma_acties_vintages AS
WITH v AS (
    SELECT e.extract_id, e.vintage,
           year(e.vintage) * 10 + quarter(e.vintage) AS periode_volgorde
    FROM meta.extracts AS e
    WHERE e.state = 'loaded' AND e.source = 'programma' AND e.dataset = 'acties'
      AND e.vintage <= staging.as_of_limit()
),
ranked AS (
    SELECT v.*,
           row_number() OVER (ORDER BY v.vintage DESC, v.extract_id DESC) = 1 AS in_force,
           row_number() OVER (PARTITION BY v.periode_volgorde ORDER BY v.vintage DESC, v.extract_id DESC) = 1 AS last_in_quarter
    FROM v
)
SELECT
    r.actie_id,
    r.pijler,
    r.maatregel,
    r.eigenaar,
    r.status,
    r.start,
    r.gepland_gereed,
    r.gereed,
    r.indicator,
    r.status = 'vertraagd'
        OR (r.status NOT IN ('afgerond', 'gestopt') AND r.gepland_gereed < r.vintage) AS achter_schema,
    NOT (r.status = 'vertraagd'
        OR (r.status NOT IN ('afgerond', 'gestopt') AND r.gepland_gereed < r.vintage))
        AND r.status <> 'gestopt' AS op_schema,
    CAST(k.periode_volgorde // 10 AS VARCHAR) || 'KW' || CAST(k.periode_volgorde % 10 AS VARCHAR) AS periode,
    k.periode_volgorde,
    k.in_force,
    k.last_in_quarter,
    r.vintage,
    r.extract_id,
    r.line_number
FROM raw.programma_acties AS r
JOIN ranked AS k ON k.extract_id = r.extract_id;

CREATE OR REPLACE VIEW staging.stg_programma_acties AS
SELECT actie_id, pijler, maatregel, eigenaar, status, start, gepland_gereed, gereed, indicator,
       achter_schema, op_schema, vintage, extract_id, line_number
FROM staging.stg_programma_acties_vintages
WHERE in_force;
