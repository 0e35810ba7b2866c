-- severity: error
-- description: Every share (unit procent; not the growth rate arbeidsproductiviteit_groei, which may be negative) lies between 0 and 100; a value outside means inconsistent inputs (e.g. more women than entrants, outflow above the stock).
-- omschrijving: Elk aandeel (eenheid procent; niet de groei van de arbeidsproductiviteit, die negatief kan zijn) ligt tussen 0 en 100; een waarde daarbuiten wijst op tegenstrijdige invoer.
SELECT indicator, domain, period, region, category, value, numerator, denominator, source, vintage
FROM mart.indicator_values
WHERE unit = 'procent' AND indicator <> 'arbeidsproductiviteit_groei' AND (value < 0 OR value > 100)
ORDER BY indicator, domain, period, region, category
