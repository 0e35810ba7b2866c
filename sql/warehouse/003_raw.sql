-- One typed table per dataset of the contracts. Every row carries its lineage:
-- the extract it came from, that extract's vintage and the line number in the file.
-- A measure that was not delivered is NULL with <column>_status 'missing' or 'suppressed'.

CREATE TABLE raw.tpm_onderwijs (
    extract_id INTEGER NOT NULL, vintage DATE NOT NULL, line_number BIGINT NOT NULL,
    studiejaar VARCHAR NOT NULL, onderwijssoort VARCHAR NOT NULL, fase VARCHAR NOT NULL,
    richting VARCHAR NOT NULL, regio VARCHAR NOT NULL, geslacht VARCHAR NOT NULL,
    aantal BIGINT, aantal_status VARCHAR
);

CREATE TABLE raw.tpm_werkzaam (
    extract_id INTEGER NOT NULL, vintage DATE NOT NULL, line_number BIGINT NOT NULL,
    jaar INTEGER NOT NULL, regio VARCHAR NOT NULL, geslacht VARCHAR NOT NULL,
    werkzaam BIGINT, werkzaam_status VARCHAR
);

CREATE TABLE raw.tpm_stromen (
    extract_id INTEGER NOT NULL, vintage DATE NOT NULL, line_number BIGINT NOT NULL,
    jaar INTEGER NOT NULL, stroom VARCHAR NOT NULL, categorie VARCHAR NOT NULL, regio VARCHAR NOT NULL,
    aantal BIGINT, aantal_status VARCHAR
);

CREATE TABLE raw.tpm_docenten (
    extract_id INTEGER NOT NULL, vintage DATE NOT NULL, line_number BIGINT NOT NULL,
    jaar INTEGER NOT NULL, onderwijssoort VARCHAR NOT NULL,
    hybride_docenten BIGINT, hybride_docenten_status VARCHAR
);

CREATE TABLE raw.predict_onderwijs (
    extract_id INTEGER NOT NULL, vintage DATE NOT NULL, line_number BIGINT NOT NULL,
    studiejaar VARCHAR NOT NULL, onderwijssoort VARCHAR NOT NULL, fase VARCHAR NOT NULL,
    type VARCHAR NOT NULL, regio VARCHAR NOT NULL, geslacht VARCHAR NOT NULL,
    aantal BIGINT, aantal_status VARCHAR
);

CREATE TABLE raw.predict_werkzaam (
    extract_id INTEGER NOT NULL, vintage DATE NOT NULL, line_number BIGINT NOT NULL,
    jaar INTEGER NOT NULL, regio VARCHAR NOT NULL, geslacht VARCHAR NOT NULL,
    werkzaam BIGINT, werkzaam_status VARCHAR
);

CREATE TABLE raw.predict_stromen (
    extract_id INTEGER NOT NULL, vintage DATE NOT NULL, line_number BIGINT NOT NULL,
    jaar INTEGER NOT NULL, stroom VARCHAR NOT NULL, categorie VARCHAR NOT NULL, regio VARCHAR NOT NULL,
    aantal BIGINT, aantal_status VARCHAR
);

CREATE TABLE raw.uwv_vacatures (
    extract_id INTEGER NOT NULL, vintage DATE NOT NULL, line_number BIGINT NOT NULL,
    periode VARCHAR NOT NULL, arbeidsmarktregio VARCHAR NOT NULL, beroepsklasse VARCHAR NOT NULL,
    openstaande_vacatures BIGINT, openstaande_vacatures_status VARCHAR,
    ww_korter_dan_half_jaar BIGINT, ww_korter_dan_half_jaar_status VARCHAR
);

CREATE TABLE raw.uwv_vacatures_detail (
    extract_id INTEGER NOT NULL, vintage DATE NOT NULL, line_number BIGINT NOT NULL,
    vacature_id VARCHAR NOT NULL, datum_ontstaan DATE NOT NULL, datum_vervuld DATE,
    beroepsklasse VARCHAR NOT NULL, arbeidsmarktregio VARCHAR NOT NULL, aantal_posities BIGINT NOT NULL
);

CREATE TABLE raw.roa_prognoses (
    extract_id INTEGER NOT NULL, vintage DATE NOT NULL, line_number BIGINT NOT NULL,
    prognoseperiode VARCHAR NOT NULL, beroepsklasse VARCHAR NOT NULL,
    werkgelegenheid_begin BIGINT, werkgelegenheid_begin_status VARCHAR,
    uitbreidingsvraag BIGINT, uitbreidingsvraag_status VARCHAR,
    vervangingsvraag BIGINT, vervangingsvraag_status VARCHAR,
    baanopeningen BIGINT, baanopeningen_status VARCHAR,
    instroom_schoolverlaters BIGINT, instroom_schoolverlaters_status VARCHAR,
    itkp DOUBLE, itkp_status VARCHAR,
    typering VARCHAR, typering_status VARCHAR
);
