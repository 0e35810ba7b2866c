-- severity: warning
-- description: Every dataset has a loaded vintage recent enough for its publication frequency (yearly: 15 months, quarterly: 5 months, biennial: 27 months), compared with the run's date (variable today); required datasets that never loaded are listed too.
-- omschrijving: Elke dataset heeft een geladen levering die recent genoeg is voor de publicatiefrequentie (jaarlijks 15 maanden, per kwartaal 5, tweejaarlijks 27), gemeten vanaf de rundatum; verplichte datasets zonder levering worden ook gemeld.
WITH expected(source, dataset, frequency, max_age_months, optional) AS (
    VALUES
        ('tpm', 'onderwijs', 'yearly', 15, false),
        ('tpm', 'werkzaam', 'yearly', 15, false),
        ('tpm', 'stromen', 'yearly', 15, false),
        ('tpm', 'docenten', 'yearly', 15, false),
        ('predict', 'onderwijs', 'yearly', 15, false),
        ('predict', 'werkzaam', 'yearly', 15, false),
        ('predict', 'stromen', 'yearly', 15, false),
        ('uwv', 'vacatures', 'quarterly', 5, false),
        ('uwv', 'vacatures_detail', 'quarterly', 5, true),
        ('roa', 'prognoses', 'biennial', 27, false)
),
latest AS (
    SELECT source, dataset, max(vintage) AS latest_vintage
    FROM meta.extracts
    WHERE state = 'loaded'
      AND vintage <= COALESCE(TRY_CAST(getvariable('as_of') AS DATE), DATE '9999-12-31')
    GROUP BY source, dataset
),
today AS (
    SELECT COALESCE(TRY_CAST(getvariable('today') AS DATE), current_date) AS today
)
SELECT x.source || '_' || x.dataset AS dataset, x.frequency, l.latest_vintage, t.today,
       CAST(t.today - INTERVAL (x.max_age_months) MONTH AS DATE) AS stale_before,
       CASE WHEN l.latest_vintage IS NULL THEN 'never loaded' ELSE 'stale' END AS problem
FROM expected AS x
CROSS JOIN today AS t
LEFT JOIN latest AS l ON l.source = x.source AND l.dataset = x.dataset
WHERE (l.latest_vintage IS NULL AND NOT x.optional)
   OR l.latest_vintage < t.today - INTERVAL (x.max_age_months) MONTH
ORDER BY dataset
