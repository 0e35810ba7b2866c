-- depends_on: intermediate.int_aandeel_vrouwen_werkzaam_values, intermediate.int_acties_values
-- depends_on: intermediate.int_arbeidsmarkt_values, intermediate.int_arbeidsproductiviteit_values
-- depends_on: intermediate.int_overleggen_values, intermediate.int_predict_onderwijs_values
-- depends_on: intermediate.int_roa_values, intermediate.int_tpm_docenten_values
-- depends_on: intermediate.int_tpm_onderwijs_values, intermediate.int_uwv_detail_values, intermediate.int_uwv_values
-- Every indicator value of the intermediate value models, before targets: one row per indicator, domain,
-- period, region and category. A new value model is added to this union; int_targets.sql applies the
-- target register to it and marts/indicator_values.sql publishes the result.
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE OR REPLACE VIEW intermediate.int_indicator_values AS
SELECT * FROM intermediate.int_tpm_onderwijs_values
UNION ALL BY NAME SELECT * FROM intermediate.int_predict_onderwijs_values
UNION ALL BY NAME SELECT * FROM intermediate.int_tpm_docenten_values
UNION ALL BY NAME SELECT * FROM intermediate.int_arbeidsmarkt_values
UNION ALL BY NAME SELECT * FROM intermediate.int_uwv_values
UNION ALL BY NAME SELECT * FROM intermediate.int_uwv_detail_values
UNION ALL BY NAME SELECT * FROM intermediate.int_roa_values
UNION ALL BY NAME SELECT * FROM intermediate.int_aandeel_vrouwen_werkzaam_values
UNION ALL BY NAME SELECT * FROM intermediate.int_arbeidsproductiviteit_values
UNION ALL BY NAME SELECT * FROM intermediate.int_acties_values
UNION ALL BY NAME SELECT * FROM intermediate.int_overleggen_values;
