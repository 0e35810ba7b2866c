-- What a run that published nothing (failed, blocked, cancelled) found in the delivery, kept in the published
-- warehouse so that an analyst can see what was wrong with it. The run's own meta.extracts rows stay out of
-- meta.extracts: their rows were never published, and the next run must read those files as new.
-- extract_id is the id the run gave the file in its work copy; join on (run_id, extract_id).
CREATE TABLE IF NOT EXISTS meta.unpublished_extracts (
    run_id            VARCHAR NOT NULL,
    extract_id        INTEGER NOT NULL,
    file_name         VARCHAR NOT NULL,
    folder            VARCHAR NOT NULL,
    source            VARCHAR,
    dataset           VARCHAR,
    vintage           DATE,
    sha256            VARCHAR NOT NULL,
    size_bytes        BIGINT NOT NULL,
    encoding          VARCHAR,
    rows_total        BIGINT,
    rows_loaded       BIGINT,
    rows_quarantined  BIGINT,
    state             VARCHAR NOT NULL,     -- loaded or rejected, as in meta.extracts
    reason            VARCHAR
);

CREATE TABLE IF NOT EXISTS meta.unpublished_quarantine (
    run_id       VARCHAR NOT NULL,
    extract_id   INTEGER NOT NULL,
    file_name    VARCHAR NOT NULL,
    line_number  BIGINT NOT NULL,
    column_name  VARCHAR,
    raw_value    VARCHAR,
    reason       VARCHAR NOT NULL,
    raw_record   VARCHAR
);

CREATE TABLE IF NOT EXISTS meta.unpublished_extract_messages (
    run_id      VARCHAR NOT NULL,
    extract_id  INTEGER NOT NULL,
    level       VARCHAR NOT NULL,
    message     VARCHAR NOT NULL
);

-- The one stored state of an extract. Whether its rows are still in force is not a state but a count that
-- `monitor status` computes (rows in force); it never says anything other than this column.
COMMENT ON COLUMN meta.extracts.state IS 'loaded or rejected: the outcome of reading the file, stored once when it was first read';
