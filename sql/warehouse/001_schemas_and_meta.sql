-- Schemas and the run ledger. Every later migration builds on these.
CREATE SCHEMA IF NOT EXISTS meta;
CREATE SCHEMA IF NOT EXISTS ref;
CREATE SCHEMA IF NOT EXISTS raw;
CREATE SCHEMA IF NOT EXISTS staging;
CREATE SCHEMA IF NOT EXISTS mart;

-- One row per run of the pipeline (run, validate does not write).
CREATE TABLE meta.runs (
    run_id        VARCHAR PRIMARY KEY,      -- yyyyMMddTHHmmssZ-xxxx, sortable
    trigger       VARCHAR NOT NULL,         -- manual, schedule, catch_up
    started_at    TIMESTAMP NOT NULL,
    ended_at      TIMESTAMP,
    status        VARCHAR NOT NULL,         -- running, succeeded, succeeded_with_warnings, failed, skipped_unchanged
    as_of         DATE,                     -- NULL: latest vintages
    data_dir      VARCHAR NOT NULL,
    bad_row_threshold DOUBLE NOT NULL,
    files_seen    INTEGER,
    files_loaded  INTEGER,
    files_rejected INTEGER,
    rows_loaded   BIGINT,
    rows_quarantined BIGINT,
    message       VARCHAR
);

CREATE TABLE meta.run_steps (
    run_id      VARCHAR NOT NULL,
    step        VARCHAR NOT NULL,           -- ingest, indicators, checks, report, export, publish
    started_at  TIMESTAMP NOT NULL,
    ended_at    TIMESTAMP,
    status      VARCHAR NOT NULL,           -- succeeded, failed, skipped
    rows        BIGINT,
    message     VARCHAR,
    PRIMARY KEY (run_id, step)
);

-- One row per distinct extract file content that a run has looked at, loaded or rejected.
CREATE TABLE meta.extracts (
    extract_id        INTEGER PRIMARY KEY,
    file_name         VARCHAR NOT NULL,
    folder            VARCHAR NOT NULL,
    source            VARCHAR,              -- tpm, predict, uwv, roa; NULL when the name does not fit
    dataset           VARCHAR,
    vintage           DATE,
    sha256            VARCHAR NOT NULL,
    size_bytes        BIGINT NOT NULL,
    encoding          VARCHAR,              -- utf-8, utf-8-bom, windows-1252
    line_ending       VARCHAR,              -- lf, crlf, mixed
    rows_total        BIGINT,
    rows_loaded       BIGINT,
    rows_quarantined  BIGINT,
    state             VARCHAR NOT NULL,     -- loaded, rejected
    reason            VARCHAR,              -- why rejected
    run_id            VARCHAR NOT NULL,     -- the run that first saw this content
    loaded_at         TIMESTAMP NOT NULL
);

-- What each run did with each file it found: the per-run part of the ledger. A rerun over the same
-- files adds rows here (outcome 'unchanged') but never new extracts.
CREATE TABLE meta.run_files (
    run_id      VARCHAR NOT NULL,
    file_name   VARCHAR NOT NULL,
    folder      VARCHAR NOT NULL,
    extract_id  INTEGER,                  -- NULL when the file could not be read at all
    outcome     VARCHAR NOT NULL,         -- loaded, rejected, unchanged, deferred, unreadable
    reason      VARCHAR
);

-- Warnings about files that still loaded (extra columns, ...).
CREATE TABLE meta.extract_messages (
    extract_id  INTEGER NOT NULL,
    level       VARCHAR NOT NULL,           -- warning, error
    message     VARCHAR NOT NULL
);

-- Every row that did not load, with where it was and why.
CREATE TABLE meta.quarantine (
    extract_id   INTEGER NOT NULL,
    file_name    VARCHAR NOT NULL,
    line_number  BIGINT NOT NULL,
    column_name  VARCHAR,
    raw_value    VARCHAR,
    reason       VARCHAR NOT NULL,
    raw_record   VARCHAR
);
