-- severity: error
-- description: Every indicator code in mart.indicator_values is described in mart.indicator_catalogue with the same unit.
-- omschrijving: Elke indicatorcode in mart.indicator_values staat in de catalogus (mart.indicator_catalogue), met dezelfde eenheid.
SELECT v.indicator, v.unit, c.unit AS catalogue_unit, count(*) AS rows
FROM mart.indicator_values AS v
LEFT JOIN mart.indicator_catalogue AS c ON c.code = v.indicator
WHERE c.code IS NULL OR c.unit <> v.unit
GROUP BY v.indicator, v.unit, c.unit
ORDER BY v.indicator
