-- depends_on: none
-- Where a UWV figure for a labour-market region and an occupation class counts. UWV delivers neither NL nor
-- province rows, so a region's figure counts in the region itself, in its province and in NL; a class counts
-- in its domain (techniek = class 07, ict = class 08) and in totaal. Both the aggregate file and the
-- vacancy-level records are placed this way (int_uwv_cells, int_uwv_detail_values).
CREATE SCHEMA IF NOT EXISTS intermediate;

CREATE OR REPLACE VIEW intermediate.int_uwv_region_placement AS
SELECT code AS arbeidsmarktregio, code AS region, 'arbeidsmarktregio' AS region_level FROM ref.arbeidsmarktregios
UNION ALL
SELECT code, provincie, 'provincie' FROM ref.arbeidsmarktregios WHERE provincie IS NOT NULL
UNION ALL
SELECT code, 'NL', 'nl' FROM ref.arbeidsmarktregios;

CREATE OR REPLACE MACRO intermediate.uwv_domains(beroepsklasse) AS
    CASE beroepsklasse WHEN '07' THEN ['techniek', 'totaal'] WHEN '08' THEN ['ict', 'totaal'] ELSE ['totaal'] END;
