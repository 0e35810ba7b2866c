-- The target register and the industries, reloaded from reference/ on every run like the other reference
-- tables, and the ledger of which copy of each reference file a run used. A bad register row is quarantined in
-- meta.quarantine with extract_id 0 (reference files are not extracts) and file_name 'reference/doelen.csv';
-- like the register itself those rows are replaced on every run.

-- One row per valid row of reference/doelen.csv.
CREATE TABLE ref.doelen (
    indicator    VARCHAR NOT NULL,        -- a code of mart.indicator_catalogue
    domain       VARCHAR NOT NULL,        -- techniek, ict, totaal
    region       VARCHAR NOT NULL,        -- NL or a region code
    category     VARCHAR,                 -- NULL: the indicator's total; '*': every category; else one category code
    soort        VARCHAR NOT NULL,        -- minimum, maximum, pad, boven_basis
    waarde       DOUBLE NOT NULL,
    basisjaar    INTEGER,
    doeljaar     INTEGER,
    bron         VARCHAR NOT NULL,
    line_number  INTEGER NOT NULL,        -- line in the register file
    origin       VARCHAR NOT NULL         -- the file the row came from: a path, or '(shipped) reference/doelen.csv'
);

-- SBI 2008 sections and the whole economy, from reference/bedrijfstakken.csv.
CREATE TABLE ref.bedrijfstakken (
    code    VARCHAR PRIMARY KEY,          -- totaal, A .. S
    naam    VARCHAR NOT NULL,
    domein  VARCHAR NOT NULL              -- techniek (C, D, F), ict (J), totaal, overig
);

-- Per run, per reference file: the copy that was used (the data directory's, or the one shipped with the monitor).
CREATE TABLE IF NOT EXISTS meta.run_reference (
    run_id      VARCHAR NOT NULL,
    file_name   VARCHAR NOT NULL,
    origin      VARCHAR NOT NULL,         -- the path read, or '(shipped) reference/<file>'
    shipped     BOOLEAN NOT NULL,
    sha256      VARCHAR NOT NULL,
    size_bytes  BIGINT NOT NULL,
    rows        INTEGER NOT NULL,         -- data rows in the file
    PRIMARY KEY (run_id, file_name)
);
