-- severity: error
-- description: mart.indicator_values holds at most one row per indicator, domain, period, region and category.
-- omschrijving: mart.indicator_values bevat per indicator, domein, periode, regio en categorie ten hoogste één rij.
SELECT indicator, domain, period, region, category, count(*) AS rows
FROM mart.indicator_values
GROUP BY indicator, domain, period, region, category
HAVING count(*) > 1
ORDER BY indicator, domain, period, region, category
