-- Pillar 2, workforce and flows per domain (each from its own source), year and region:
-- stock, growth, inflow and outflow by category, zij-instroom, balance of flows, retention, and
-- for ICT nationally the distance to one million in 2030.
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
           NULL, value, 'aantal',
           CASE WHEN domain = 'ict' AND region = 'NL' THEN 60000.0 END,
           CASE WHEN domain = 'ict' AND region = 'NL' THEN value >= 60000 END,
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
    SELECT 'groeitekort', domain, source, jaar, region, region_level,
           NULL, 60000.0 - value, 'aantal', 0.0, 60000.0 - value <= 0,
           incomplete, NULL, NULL, NULL, vintage
    FROM groei
    WHERE domain = 'ict' AND region = 'NL'
    UNION ALL
    SELECT 'benodigd_tempo', domain, source, jaar, region, region_level,
           NULL, (1000000.0 - value) / (2030 - jaar), 'aantal', NULL, NULL,
           incomplete, NULL, NULL, NULL, vintage
    FROM stock
    WHERE domain = 'ict' AND region = 'NL' AND jaar < 2030
    UNION ALL
    SELECT 'jaar_een_miljoen', domain, source, jaar, region, region_level,
           NULL,
           CASE WHEN werkzaam >= 1000000 THEN jaar
                WHEN mean_groei > 0 THEN jaar + ceil((1000000.0 - werkzaam) / mean_groei) END,
           'jaar', NULL, NULL, incomplete,
           CASE WHEN werkzaam < 1000000 AND mean_groei <= 0 THEN 'niet bij huidig tempo' END,
           NULL, NULL, vintage
    FROM trend
    WHERE domain = 'ict' AND region = 'NL'
)
SELECT indicator, domain,
       CAST(jaar AS VARCHAR) AS period, 'year' AS period_type, jaar AS period_order,
       region, region_level, category, value, unit, target, on_track, incomplete, label,
       numerator, denominator, source, vintage
FROM v;
