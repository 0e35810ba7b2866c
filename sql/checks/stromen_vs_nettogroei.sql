-- severity: warning
-- description: Flows and stock tell the same story: saldo_stromen (instroom - uitstroom) and nettogroei differ by at most 5% of the previous year's stock. Sources measure them differently, so some difference is expected; a large one is worth a look.
-- omschrijving: Stromen en stand vertellen hetzelfde verhaal: het saldo van instroom en uitstroom wijkt ten hoogste 5% van de stand van het vorige jaar af van de nettogroei.
SELECT s.domain, s.region, s.period, s.value AS saldo_stromen, g.value AS nettogroei,
       s.value - g.value AS verschil, p.value AS werkzaam_vorig_jaar, s.source
FROM mart.indicator_values AS s
JOIN mart.indicator_values AS g
  ON g.indicator = 'nettogroei' AND g.domain = s.domain AND g.region = s.region AND g.period = s.period
JOIN mart.indicator_values AS p
  ON p.indicator = 'werkzaam' AND p.domain = s.domain AND p.region = s.region
 AND p.period_order = s.period_order - 1
WHERE s.indicator = 'saldo_stromen'
  AND abs(s.value - g.value) > 0.05 * p.value
ORDER BY s.domain, s.region, s.period
