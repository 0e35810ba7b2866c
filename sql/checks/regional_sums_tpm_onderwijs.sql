-- severity: warning
-- description: Where the Techniekpactmonitor delivers both NL and Techniekpact-region rows for a cell, the five regions add up to the NL figure (cells with a missing or suppressed value are skipped).
-- omschrijving: Waar de Techniekpactmonitor zowel landelijke als Techniekpactregio-cijfers levert, tellen de vijf regio's op tot het landelijke cijfer (cellen met ontbrekende of afgeschermde waarden niet meegeteld).
WITH regions AS (
    SELECT studiejaar, onderwijssoort, fase, richting, geslacht,
           sum(aantal) AS som_regios, count(*) AS regios,
           bool_or(aantal_status IS NOT NULL) AS incomplete,
           max(vintage) AS vintage
    FROM staging.stg_tpm_onderwijs
    WHERE regio <> 'NL'
    GROUP BY studiejaar, onderwijssoort, fase, richting, geslacht
)
SELECT n.studiejaar, n.onderwijssoort, n.fase, n.richting, n.geslacht,
       n.aantal AS nl, r.som_regios, r.regios, r.som_regios - n.aantal AS verschil,
       n.vintage AS nl_vintage, r.vintage AS regios_vintage
FROM staging.stg_tpm_onderwijs AS n
JOIN regions AS r USING (studiejaar, onderwijssoort, fase, richting, geslacht)
WHERE n.regio = 'NL'
  AND n.aantal_status IS NULL AND NOT r.incomplete
  AND r.som_regios <> n.aantal
ORDER BY n.studiejaar, n.onderwijssoort, n.fase, n.richting, n.geslacht
