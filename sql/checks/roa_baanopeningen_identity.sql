-- severity: error
-- description: ROA identity: Baanopeningen equals max(Uitbreidingsvraag, 0) + Vervangingsvraag within 100, for every forecast row in force.
-- omschrijving: ROA-identiteit: baanopeningen = max(uitbreidingsvraag, 0) + vervangingsvraag, op 100 na, voor elke geldende prognoserij.
SELECT r.prognoseperiode, r.beroepsklasse, r.baanopeningen, r.uitbreidingsvraag, r.vervangingsvraag,
       greatest(r.uitbreidingsvraag, 0) + r.vervangingsvraag AS expected,
       r.baanopeningen - (greatest(r.uitbreidingsvraag, 0) + r.vervangingsvraag) AS difference,
       e.file_name, r.line_number
FROM staging.stg_roa_prognoses AS r
JOIN meta.extracts AS e ON e.extract_id = r.extract_id
WHERE abs(r.baanopeningen - (greatest(r.uitbreidingsvraag, 0) + r.vervangingsvraag)) > 100
ORDER BY r.prognoseperiode, r.beroepsklasse
