-- Reference tables, reloaded from reference/ on every run.
CREATE TABLE ref.provincies (
    code  VARCHAR PRIMARY KEY,
    naam  VARCHAR NOT NULL
);

CREATE TABLE ref.arbeidsmarktregios (
    code       VARCHAR PRIMARY KEY,
    naam       VARCHAR NOT NULL,
    provincie  VARCHAR NOT NULL
);

CREATE TABLE ref.techniekpactregios (
    code        VARCHAR PRIMARY KEY,
    naam        VARCHAR NOT NULL,
    provincies  VARCHAR NOT NULL          -- as delivered: "PV20, PV21, PV22"
);

-- The same membership as rows, for joins.
CREATE TABLE ref.techniekpactregio_provincies (
    techniekpactregio  VARCHAR NOT NULL,
    provincie          VARCHAR NOT NULL,
    PRIMARY KEY (techniekpactregio, provincie)
);

CREATE TABLE ref.beroepen (
    beroepsklasse  VARCHAR PRIMARY KEY,   -- BRC 2014 class, two digits
    naam           VARCHAR NOT NULL,
    domein         VARCHAR NOT NULL       -- techniek (07), ict (08), overig
);
