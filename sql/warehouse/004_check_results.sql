-- Results of the data-quality checks of sql/checks/, one row per check per run.
CREATE TABLE IF NOT EXISTS meta.check_results (
    run_id        VARCHAR NOT NULL,
    check_name    VARCHAR NOT NULL,         -- the file name of the check in sql/checks/
    severity      VARCHAR NOT NULL,         -- error (blocks publishing), warning
    status        VARCHAR NOT NULL,         -- passed, failed
    failing_rows  BIGINT NOT NULL,
    sample        VARCHAR,                  -- JSON array of up to 5 offending rows
    description   VARCHAR,
    checked_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (run_id, check_name)
);
