-- severity: warning
-- description: Every row of the target register reference/doelen.csv can be applied to each series it covers: a pad needs the series' own value in its Basisjaar, a boven_basis row needs all ten base years; a row that cannot be applied gives those values no target.
-- omschrijving: Elke regel van het doelenregister reference/doelen.csv is toe te passen op de reeksen die hij dekt: een pad heeft de eigen waarde in het basisjaar nodig, een boven_basis-regel alle tien basisjaren; anders krijgen die waarden geen doel.
SELECT origin AS file, line_number AS line, indicator, domain, region,
       coalesce(category, '(total)') AS category, soort, basisjaar, doeljaar, not_applicable AS problem
FROM intermediate.int_target_bases
WHERE not_applicable IS NOT NULL
ORDER BY line_number, category
