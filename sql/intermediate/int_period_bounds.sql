-- depends_on: none
-- The first and last day of a period that SQL derives from dates rather than reads from a supplier's period column:
-- the quarters of the vacancy-level records and of the action register, the years of the meetings. Delivered
-- periods carry period_start / period_end from the load (Domain.Period, raw tables); these macros follow the same
-- rule: a year runs 1 January-31 December, a quarter its three months.
CREATE SCHEMA IF NOT EXISTS intermediate;

CREATE OR REPLACE MACRO intermediate.year_start(y) AS make_date(CAST(y AS BIGINT), 1, 1);
CREATE OR REPLACE MACRO intermediate.year_end(y) AS make_date(CAST(y AS BIGINT), 12, 31);
CREATE OR REPLACE MACRO intermediate.quarter_start(y, q) AS make_date(CAST(y AS BIGINT), CAST(q AS BIGINT) * 3 - 2, 1);
CREATE OR REPLACE MACRO intermediate.quarter_end(y, q) AS last_day(make_date(CAST(y AS BIGINT), CAST(q AS BIGINT) * 3, 1));
