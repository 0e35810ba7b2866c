-- Pillars 3 and 4: the raw tables of the CBS and programme-office extracts (lineage and status
-- columns as in 003_raw.sql), and meta.datasets, the declared datasets as the code has them.

CREATE TABLE raw.cbs_arbeidsproductiviteit (
    extract_id INTEGER NOT NULL, vintage DATE NOT NULL, line_number BIGINT NOT NULL,
    jaar INTEGER NOT NULL, bedrijfstak VARCHAR NOT NULL,
    productiviteit_mutatie DOUBLE, productiviteit_mutatie_status VARCHAR,
    toegevoegde_waarde_mutatie DOUBLE, toegevoegde_waarde_mutatie_status VARCHAR,
    arbeidsvolume_mutatie DOUBLE, arbeidsvolume_mutatie_status VARCHAR,
    status VARCHAR NOT NULL
);

CREATE TABLE raw.programma_acties (
    extract_id INTEGER NOT NULL, vintage DATE NOT NULL, line_number BIGINT NOT NULL,
    actie_id VARCHAR NOT NULL, pijler INTEGER NOT NULL, maatregel VARCHAR NOT NULL, eigenaar VARCHAR NOT NULL,
    status VARCHAR NOT NULL, start DATE NOT NULL, gepland_gereed DATE NOT NULL, gereed DATE,
    indicator VARCHAR
);

CREATE TABLE raw.programma_overleggen (
    extract_id INTEGER NOT NULL, vintage DATE NOT NULL, line_number BIGINT NOT NULL,
    datum DATE NOT NULL, overleg VARCHAR NOT NULL,
    genodigd BIGINT, genodigd_status VARCHAR,
    aanwezig BIGINT, aanwezig_status VARCHAR
);

-- One row per dataset declared in src/Monitor/Sources/Contracts.cs, rewritten from the declarations
-- each time the warehouse is opened for writing; the freshness check reads its list from here.
CREATE TABLE IF NOT EXISTS meta.datasets (
    name           VARCHAR PRIMARY KEY,   -- <source>_<dataset>, also the raw table's name
    source         VARCHAR NOT NULL,      -- file name prefix
    dataset        VARCHAR NOT NULL,
    supplier       VARCHAR NOT NULL,      -- Techniekpactmonitor, pr-eDICT, UWV, ROA, CBS, Programmabureau
    folder         VARCHAR NOT NULL,      -- folder of the data directory
    frequency      VARCHAR NOT NULL,      -- yearly, quarterly, biennial
    max_age_months INTEGER NOT NULL,      -- latest vintage older than this: overdue
    optional       BOOLEAN NOT NULL       -- never loaded is not a finding
);
