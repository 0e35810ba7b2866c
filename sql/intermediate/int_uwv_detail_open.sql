-- depends_on: intermediate.int_period_bounds, staging.stg_uwv_vacatures_detail
-- Open vacancies at each quarter end per labour-market region and occupation class, from the vacancy-level
-- records in force (staging.stg_uwv_vacatures_detail, so as-of aware). A table, not a view: it is read by the
-- indicator values and by the reconciliation check, and the detail data can hold tens of millions of rows.
--
-- A vacancy counts with its Aantal_posities at quarter end E when Datum_ontstaan <= E and it was not filled by
-- then: Datum_vervuld empty or after E (filled ON the last day is filled, not open). That is the same as: open at the
-- ends of the quarters from the one it arose in up to, not including, the one it was filled in. So each vacancy adds
-- its positions in its arising quarter and takes them off in its filling quarter, and a running sum per region and
-- class gives the open count: one pass over the records instead of testing every record against every quarter end.
--
-- Only quarters the records cover are reported: the first record arose before the quarter began (so vacancies
-- still open from earlier are in the data) and the latest vintage is on or after the quarter's last day.
-- Every region and class pair in the records gets a row for every covered quarter, 0 when nothing was open.
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE OR REPLACE TABLE intermediate.int_uwv_detail_open AS
WITH detail AS (
    SELECT arbeidsmarktregio, beroepsklasse, aantal_posities, vintage,
           year(datum_ontstaan) * 4 + quarter(datum_ontstaan) - 1 AS q_arisen,
           year(datum_vervuld) * 4 + quarter(datum_vervuld) - 1 AS q_filled
    FROM staging.stg_uwv_vacatures_detail
),
bounds AS (
    -- q is year * 4 + quarter - 1; the first covered quarter is the one after the first record's, the last the
    -- latest whose last day is on or before the latest vintage.
    SELECT min(q_arisen) AS q_start, min(q_arisen) + 1 AS q_first,
           year(max(vintage) + INTERVAL 1 DAY) * 4 + quarter(max(vintage) + INTERVAL 1 DAY) - 2 AS q_last,
           max(vintage) AS vintage
    FROM detail
),
changes AS (
    SELECT arbeidsmarktregio, beroepsklasse, q, sum(delta) AS delta
    FROM (
        SELECT arbeidsmarktregio, beroepsklasse, q_arisen AS q, aantal_posities AS delta FROM detail
        UNION ALL
        SELECT arbeidsmarktregio, beroepsklasse, q_filled, -aantal_posities FROM detail WHERE q_filled IS NOT NULL
    )
    GROUP BY ALL
),
grid AS (
    -- Every pair over every quarter from the first record's, so each running sum starts at zero.
    SELECT p.arbeidsmarktregio, p.beroepsklasse, unnest(range(b.q_start, b.q_last + 1)) AS q
    FROM (SELECT DISTINCT arbeidsmarktregio, beroepsklasse FROM changes) AS p, bounds AS b
),
running AS (
    SELECT g.arbeidsmarktregio, g.beroepsklasse, g.q,
           sum(coalesce(c.delta, 0)) OVER (PARTITION BY g.arbeidsmarktregio, g.beroepsklasse ORDER BY g.q) AS open_positions
    FROM grid AS g
    LEFT JOIN changes AS c USING (arbeidsmarktregio, beroepsklasse, q)
)
SELECT
    CAST(r.q // 4 AS VARCHAR) || 'KW' || CAST(r.q % 4 + 1 AS VARCHAR) AS periode,
    CAST((r.q // 4) * 10 + r.q % 4 + 1 AS INTEGER) AS periode_volgorde,
    intermediate.quarter_start(r.q // 4, r.q % 4 + 1) AS period_start,
    intermediate.quarter_end(r.q // 4, r.q % 4 + 1) AS period_end,
    r.arbeidsmarktregio,
    r.beroepsklasse,
    CAST(r.open_positions AS BIGINT) AS openstaande_vacatures,
    b.vintage
FROM running AS r, bounds AS b
WHERE r.q BETWEEN b.q_first AND b.q_last
ORDER BY r.q, r.arbeidsmarktregio, r.beroepsklasse;
