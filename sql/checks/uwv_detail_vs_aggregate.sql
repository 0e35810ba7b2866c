-- severity: warning
-- description: Where vacancy-level UWV records cover a quarter, the vacancies open at its end (arisen on or before the last day, not filled by then) agree within 1% with uwv_vacatures per region and class.
-- omschrijving: Waar UWV-vacaturegegevens op vacatureniveau een kwartaal dekken, wijkt het aantal openstaande vacatures aan het eind ervan per regio en beroepsklasse ten hoogste 1% af van het geaggregeerde UWV-bestand.
WITH detail_span AS (
    SELECT min(datum_ontstaan) AS first_day, max(vintage) AS last_vintage
    FROM staging.stg_uwv_vacatures_detail
),
covered AS (
    -- A quarter counts as covered when the detail records start before it and were published after it.
    SELECT DISTINCT v.periode, v.kwartaal_einde
    FROM staging.stg_uwv_vacatures AS v, detail_span AS d
    WHERE d.first_day <= v.kwartaal_einde - INTERVAL 3 MONTH AND d.last_vintage >= v.kwartaal_einde
),
open_at_end AS (
    SELECT c.periode, x.arbeidsmarktregio, x.beroepsklasse, sum(x.aantal_posities) AS open_detail
    FROM covered AS c
    JOIN staging.stg_uwv_vacatures_detail AS x
      ON x.datum_ontstaan <= c.kwartaal_einde
     AND (x.datum_vervuld IS NULL OR x.datum_vervuld > c.kwartaal_einde)
    GROUP BY c.periode, x.arbeidsmarktregio, x.beroepsklasse
),
compared AS (
    SELECT v.periode, v.arbeidsmarktregio, v.beroepsklasse,
           v.openstaande_vacatures AS aggregaat, coalesce(o.open_detail, 0) AS detail
    FROM staging.stg_uwv_vacatures AS v
    JOIN covered AS c USING (periode)
    LEFT JOIN open_at_end AS o USING (periode, arbeidsmarktregio, beroepsklasse)
    WHERE v.openstaande_vacatures_status IS NULL
)
SELECT periode, arbeidsmarktregio, beroepsklasse, aggregaat, detail, detail - aggregaat AS verschil
FROM compared
WHERE abs(detail - aggregaat) > 0.01 * aggregaat
ORDER BY periode, arbeidsmarktregio, beroepsklasse
