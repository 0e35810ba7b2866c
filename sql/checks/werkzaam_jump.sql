-- severity: warning
-- description: The workforce stock moves less than 15% from one year to the next (|nettogroei| <= 15% of the previous stock); a larger jump usually means a break in definition or a wrong delivery.
-- omschrijving: De beroepsbevolking verandert van jaar op jaar minder dan 15%; een grotere sprong wijst meestal op een definitiebreuk of een foute levering.
SELECT g.domain, g.region, g.period, p.value AS werkzaam_vorig_jaar, g.value AS nettogroei,
       round(100.0 * g.value / p.value, 1) AS procent_van_vorig_jaar, g.source, g.vintage
FROM mart.indicator_values AS g
JOIN mart.indicator_values AS p
  ON p.indicator = 'werkzaam' AND p.domain = g.domain AND p.region = g.region
 AND p.period_order = g.period_order - 1
WHERE g.indicator = 'nettogroei'
  AND p.value > 0
  AND abs(g.value) > 0.15 * p.value
ORDER BY g.domain, g.region, g.period
