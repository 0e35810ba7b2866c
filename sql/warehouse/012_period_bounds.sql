-- meta.period_bounds: the first and last day of every period the raw tables hold, so that SQL never re-parses a
-- period's text. The staging views join it on (period_type, period) and carry period_start / period_end next to the
-- period column through to mart.indicator_values. A year runs 1 January-31 December, a quarter its three months,
-- a school year 1 August-31 July, a forecast period 1 January of its first year to 31 December of its last:
-- Domain.Period works them out, ExtractStore writes the periods of each file at load, and every indicator build adds
-- any period of the raw tables still missing (rows loaded before this migration; Warehouse/PeriodBounds.cs).
CREATE TABLE IF NOT EXISTS meta.period_bounds (
    period_type  VARCHAR NOT NULL,   -- year, quarter, school_year or forecast_period (as mart.indicator_values.period_type)
    period       VARCHAR NOT NULL,   -- the period as the warehouse writes it: 2023, 2023KW1, 2023/2024, 2021-2026
    period_start DATE NOT NULL,
    period_end   DATE NOT NULL,
    PRIMARY KEY (period_type, period)
);
