-- depends_on: intermediate.int_stromen_cells, intermediate.int_werkzaam_cells
-- Pillar 2, workforce and flows per domain (each from its own source), year and region:
-- stock, growth, inflow and outflow by category, zij-instroom, balance of flows, retention, and
-- for ICT nationally the indicators defined by a target: the growth gap against the norm (the nettogroei
-- minimum row of ref.doelen in force in year t) and the distance to the goal (the werkzaam pad row).
-- Targets and statuses themselves are applied from the register by int_targets.sql.
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE OR REPLACE VIEW intermediate.int_arbeidsmarkt_values AS
WITH stock AS (
    SELECT domain, source, jaar, region, region_level,
           sum(werkzaam) AS value,
           bool_or(werkzaam_status IS NOT NULL) AS incomplete,
           max(vintage) AS vintage
    FROM intermediate.int_werkzaam_cells
    GROUP BY domain, source, jaar, region, region_level
),
flows AS (
    SELECT domain, source, stroom, jaar, region, region_level, categorie AS category,
           sum(aantal) AS value,
           bool_or(aantal_status IS NOT NULL) AS incomplete,
           max(vintage) AS vintage
    FROM intermediate.int_stromen_cells
    GROUP BY GROUPING SETS (
        (domain, source, stroom, jaar, region, region_level, categorie),
        (domain, source, stroom, jaar, region, region_level))
),
groei AS (
    SELECT cur.domain, cur.source, cur.jaar, cur.region, cur.region_level,
           cur.value AS werkzaam, cur.value - prev.value AS value,
           cur.incomplete OR prev.incomplete AS incomplete,
           greatest(cur.vintage, prev.vintage) AS vintage
    FROM stock AS cur
    JOIN stock AS prev
      ON prev.domain = cur.domain AND prev.region = cur.region AND prev.jaar = cur.jaar - 1
),
in_total AS (SELECT * FROM flows WHERE stroom = 'instroom' AND category IS NULL),
uit_total AS (SELECT * FROM flows WHERE stroom = 'uitstroom' AND category IS NULL),
-- Mean growth over the last three years; the three growth figures must all exist.
-- The ICT growth norm in force in year t (nettogroei, ict, NL, total, minimum).
norm AS (
    SELECT g.jaar, d.waarde AS norm
    FROM (SELECT DISTINCT jaar FROM groei) AS g
    JOIN ref.doelen AS d
      ON d.indicator = 'nettogroei' AND d.domain = 'ict' AND d.region = 'NL' AND d.category IS NULL AND d.soort = 'minimum'
     AND g.jaar BETWEEN coalesce(d.basisjaar, g.jaar) AND coalesce(d.doeljaar, g.jaar)
),
-- The ICT goal seen from year t: the werkzaam pad row with the nearest Doeljaar not before t.
goal AS (
    SELECT s.jaar, max_by(d.waarde, -d.doeljaar) AS goal, min(d.doeljaar) AS goal_year
    FROM (SELECT DISTINCT jaar FROM stock) AS s
    JOIN ref.doelen AS d
      ON d.indicator = 'werkzaam' AND d.domain = 'ict' AND d.region = 'NL' AND d.category IS NULL AND d.soort = 'pad'
     AND d.doeljaar >= s.jaar
    GROUP BY s.jaar
),
trend AS (
    SELECT g.domain, g.source, g.jaar, g.region, g.region_level, g.werkzaam,
           avg(p.value) AS mean_groei,
           count(*) AS years,
           bool_or(p.incomplete) AS incomplete,
           max(p.vintage) AS vintage
    FROM groei AS g
    JOIN groei AS p
      ON p.domain = g.domain AND p.region = g.region AND p.jaar BETWEEN g.jaar - 2 AND g.jaar
    GROUP BY g.domain, g.source, g.jaar, g.region, g.region_level, g.werkzaam
    HAVING count(*) = 3
),
v AS (
    SELECT 'werkzaam' AS indicator, domain, source, jaar, region, region_level,
           CAST(NULL AS VARCHAR) AS category, CAST(value AS DOUBLE) AS value, 'aantal' AS unit,
           CAST(NULL AS DOUBLE) AS target, CAST(NULL AS BOOLEAN) AS on_track, incomplete,
           CAST(NULL AS VARCHAR) AS label, CAST(NULL AS DOUBLE) AS numerator, CAST(NULL AS DOUBLE) AS denominator,
           vintage
    FROM stock
    UNION ALL
    SELECT 'nettogroei', domain, source, jaar, region, region_level,
           NULL, value, 'aantal', NULL, NULL,
           incomplete, NULL, NULL, NULL, vintage
    FROM groei
    UNION ALL
    SELECT stroom, domain, source, jaar, region, region_level,
           category, value, 'aantal', NULL, NULL, incomplete, NULL, NULL, NULL, vintage
    FROM flows
    UNION ALL
    SELECT 'zij_instroom', domain, source, jaar, region, region_level,
           NULL, value, 'aantal', NULL, NULL, incomplete, NULL, NULL, NULL, vintage
    FROM flows
    WHERE stroom = 'instroom' AND category = 'zij_instroom'
    UNION ALL
    SELECT 'zij_instroom_aandeel', z.domain, z.source, z.jaar, z.region, z.region_level,
           NULL, 100.0 * z.value / NULLIF(t.value, 0), 'procent', NULL, NULL,
           z.incomplete OR t.incomplete, NULL, z.value, t.value, greatest(z.vintage, t.vintage)
    FROM flows AS z
    JOIN in_total AS t ON t.domain = z.domain AND t.jaar = z.jaar AND t.region = z.region
    WHERE z.stroom = 'instroom' AND z.category = 'zij_instroom'
    UNION ALL
    SELECT 'saldo_stromen', i.domain, i.source, i.jaar, i.region, i.region_level,
           NULL, i.value - u.value, 'aantal', NULL, NULL,
           i.incomplete OR u.incomplete, NULL, NULL, NULL, greatest(i.vintage, u.vintage)
    FROM in_total AS i
    JOIN uit_total AS u ON u.domain = i.domain AND u.jaar = i.jaar AND u.region = i.region
    UNION ALL
    SELECT 'behoud', u.domain, u.source, u.jaar, u.region, u.region_level,
           NULL, 100.0 * (1 - u.value / NULLIF(s.value, 0)), 'procent', NULL, NULL,
           u.incomplete OR s.incomplete, NULL, s.value - u.value, s.value, greatest(u.vintage, s.vintage)
    FROM uit_total AS u
    JOIN stock AS s ON s.domain = u.domain AND s.region = u.region AND s.jaar = u.jaar - 1
    UNION ALL
    SELECT 'groeitekort', g.domain, g.source, g.jaar, g.region, g.region_level,
           NULL, n.norm - g.value, 'aantal', NULL, NULL,
           g.incomplete, NULL, NULL, NULL, g.vintage
    FROM groei AS g
    JOIN norm AS n ON n.jaar = g.jaar
    WHERE g.domain = 'ict' AND g.region = 'NL'
    UNION ALL
    SELECT 'benodigd_tempo', s.domain, s.source, s.jaar, s.region, s.region_level,
           NULL, (o.goal - s.value) / (o.goal_year - s.jaar), 'aantal', NULL, NULL,
           s.incomplete, NULL, NULL, NULL, s.vintage
    FROM stock AS s
    JOIN goal AS o ON o.jaar = s.jaar
    WHERE s.domain = 'ict' AND s.region = 'NL' AND s.jaar < o.goal_year
    UNION ALL
    SELECT 'jaar_een_miljoen', t.domain, t.source, t.jaar, t.region, t.region_level,
           NULL,
           CASE WHEN t.werkzaam >= o.goal THEN t.jaar
                WHEN t.mean_groei > 0 THEN t.jaar + ceil((o.goal - t.werkzaam) / t.mean_groei) END,
           'jaar', NULL, NULL, t.incomplete,
           CASE WHEN t.werkzaam < o.goal AND t.mean_groei <= 0 THEN 'niet bij huidig tempo' END,
           NULL, NULL, t.vintage
    FROM trend AS t
    JOIN goal AS o ON o.jaar = t.jaar
    WHERE t.domain = 'ict' AND t.region = 'NL'
)
SELECT indicator, domain,
       CAST(jaar AS VARCHAR) AS period, 'year' AS period_type, jaar AS period_order, b.period_start, b.period_end,
       region, region_level, category, value, unit, target, on_track, incomplete, label,
       numerator, denominator, source, vintage
FROM v
LEFT JOIN (SELECT DISTINCT jaar, period_start, period_end FROM intermediate.int_werkzaam_cells
           UNION
           SELECT DISTINCT jaar, period_start, period_end FROM intermediate.int_stromen_cells) AS b USING (jaar);
