-- severity: warning
-- description: Where vacancy-level UWV records cover a quarter, the vacancies open at its end (arisen on or before the last day, not filled by then) agree within 1% with uwv_vacatures per region and class.
-- omschrijving: Waar UWV-vacaturegegevens op vacatureniveau een kwartaal dekken, wijkt het aantal openstaande vacatures aan het eind ervan per regio en beroepsklasse ten hoogste 1% af van het geaggregeerde UWV-bestand.
-- The detail counts come from intermediate.int_uwv_detail_open (built by the indicator step), which holds only
-- the quarters the records cover; a region and class the aggregate file has but the records lack counts as 0.
-- The aggregate figure is the base of the 1%: it is the one UWV publishes.
WITH covered AS (
    SELECT DISTINCT periode FROM intermediate.int_uwv_detail_open
),
compared AS (
    SELECT v.periode, v.arbeidsmarktregio, v.beroepsklasse,
           v.openstaande_vacatures AS aggregaat, coalesce(o.openstaande_vacatures, 0) AS detail
    FROM staging.stg_uwv_vacatures AS v
    JOIN covered AS c USING (periode)
    LEFT JOIN intermediate.int_uwv_detail_open AS o USING (periode, arbeidsmarktregio, beroepsklasse)
    WHERE v.openstaande_vacatures_status IS NULL
)
SELECT periode, arbeidsmarktregio, beroepsklasse, aggregaat, detail, detail - aggregaat AS verschil
FROM compared
WHERE abs(detail - aggregaat) > 0.01 * aggregaat
ORDER BY periode, arbeidsmarktregio, beroepsklasse
