-- severity: warning
-- description: Every dataset declared in the contracts (meta.datasets) has a loaded vintage recent enough for its publication frequency (max_age_months: yearly 15, quarterly 5, biennial 27), compared with the run's date (variable today); required datasets that never loaded are listed too, optional ones only once they have loaded.
-- omschrijving: Elke dataset uit de contracten (meta.datasets) heeft een geladen levering die recent genoeg is voor de publicatiefrequentie (jaarlijks 15 maanden, per kwartaal 5, tweejaarlijks 27), gemeten vanaf de rundatum; verplichte datasets zonder levering worden ook gemeld, optionele pas nadat ze een keer geladen zijn.
WITH latest AS (
    SELECT source, dataset, max(vintage) AS latest_vintage
    FROM meta.extracts
    WHERE state = 'loaded'
      AND vintage <= COALESCE(TRY_CAST(getvariable('as_of') AS DATE), DATE '9999-12-31')
    GROUP BY source, dataset
),
today AS (
    SELECT COALESCE(TRY_CAST(getvariable('today') AS DATE), current_date) AS today
)
SELECT x.name AS dataset, x.frequency, l.latest_vintage, t.today,
       CAST(t.today - INTERVAL (x.max_age_months) MONTH AS DATE) AS stale_before,
       CASE WHEN l.latest_vintage IS NULL THEN 'never loaded' ELSE 'stale' END AS problem
FROM meta.datasets AS x
CROSS JOIN today AS t
LEFT JOIN latest AS l ON l.source = x.source AND l.dataset = x.dataset
WHERE (l.latest_vintage IS NULL AND NOT x.optional)
   OR l.latest_vintage < t.today - INTERVAL (x.max_age_months) MONTH
ORDER BY dataset
