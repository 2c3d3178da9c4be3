-- FhirTrials store, schema 1 (SQLite). Times are milliseconds since 1970-01-01 UTC.
CREATE TABLE resource (
  pk INTEGER PRIMARY KEY,
  res_type TEXT NOT NULL,
  res_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  last_updated INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  json BLOB,
  UNIQUE (res_type, res_id)
);
CREATE INDEX ix_resource_type_updated ON resource (res_type, last_updated);
CREATE INDEX ix_resource_updated ON resource (last_updated);

CREATE TABLE resource_version (
  res_pk INTEGER NOT NULL,
  version INTEGER NOT NULL,
  last_updated INTEGER NOT NULL,
  deleted INTEGER NOT NULL,
  method TEXT NOT NULL,
  json BLOB,
  PRIMARY KEY (res_pk, version)
);
CREATE INDEX ix_resource_version_updated ON resource_version (last_updated);

CREATE TABLE idx_token (res_pk INTEGER NOT NULL, param TEXT NOT NULL, system TEXT, code TEXT, text TEXT);
CREATE INDEX ix_token_code ON idx_token (param, code, system);
CREATE INDEX ix_token_system ON idx_token (param, system);
CREATE INDEX ix_token_res ON idx_token (res_pk, param);

CREATE TABLE idx_string (res_pk INTEGER NOT NULL, param TEXT NOT NULL, norm TEXT NOT NULL, exact TEXT NOT NULL);
CREATE INDEX ix_string_norm ON idx_string (param, norm);
CREATE INDEX ix_string_res ON idx_string (res_pk, param);

CREATE TABLE idx_date (res_pk INTEGER NOT NULL, param TEXT NOT NULL, low INTEGER NOT NULL, high INTEGER NOT NULL);
CREATE INDEX ix_date_low ON idx_date (param, low);
CREATE INDEX ix_date_high ON idx_date (param, high);
CREATE INDEX ix_date_res ON idx_date (res_pk, param);

CREATE TABLE idx_reference (res_pk INTEGER NOT NULL, param TEXT NOT NULL, target_type TEXT, target_id TEXT, url TEXT);
CREATE INDEX ix_reference_target ON idx_reference (param, target_id, target_type);
CREATE INDEX ix_reference_url ON idx_reference (param, url);
CREATE INDEX ix_reference_res ON idx_reference (res_pk, param);

CREATE TABLE idx_quantity (res_pk INTEGER NOT NULL, param TEXT NOT NULL, system TEXT, code TEXT, unit TEXT, low REAL, high REAL);
CREATE INDEX ix_quantity_value ON idx_quantity (param, low);
CREATE INDEX ix_quantity_res ON idx_quantity (res_pk, param);

CREATE TABLE idx_number (res_pk INTEGER NOT NULL, param TEXT NOT NULL, low REAL, high REAL);
CREATE INDEX ix_number_value ON idx_number (param, low);
CREATE INDEX ix_number_res ON idx_number (res_pk, param);

CREATE TABLE idx_uri (res_pk INTEGER NOT NULL, param TEXT NOT NULL, value TEXT NOT NULL);
CREATE INDEX ix_uri_value ON idx_uri (param, value);
CREATE INDEX ix_uri_res ON idx_uri (res_pk, param);
