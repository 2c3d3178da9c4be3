-- The sync state: what the server confirmed for each trial and resource, and what each source file held.
CREATE TABLE IF NOT EXISTS sync_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- One row per trial (registry id). status: synced | invalid | conflict | removed.
-- content_hash: the mapped bundle the server confirmed; checked_hash: the bundle last examined.
CREATE TABLE IF NOT EXISTS sync_trial (
  registry_id TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  content_hash TEXT,
  checked_hash TEXT,
  source TEXT,
  study TEXT,
  message TEXT,
  updated_at TEXT NOT NULL
);

-- One row per resource a trial owns on the server, as the server confirmed it.
CREATE TABLE IF NOT EXISTS sync_resource (
  resource_type TEXT NOT NULL,
  resource_id TEXT NOT NULL,
  registry_id TEXT NOT NULL,
  full_url TEXT NOT NULL,
  request_url TEXT NOT NULL,
  version_id TEXT,
  last_updated TEXT,
  content_hash TEXT NOT NULL,
  PRIMARY KEY (resource_type, resource_id)
);
CREATE INDEX IF NOT EXISTS sync_resource_trial ON sync_resource (registry_id);

-- Resources trials share (conditional creates: Organizations): the server's id of each fullUrl.
CREATE TABLE IF NOT EXISTS sync_shared (
  full_url TEXT PRIMARY KEY,
  resource_type TEXT NOT NULL,
  resource_id TEXT NOT NULL
);

-- Source files fully synced: their content hash and the trials they hold.
CREATE TABLE IF NOT EXISTS sync_source (
  path TEXT PRIMARY KEY,
  hash TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sync_source_trial (
  path TEXT NOT NULL,
  registry_id TEXT NOT NULL,
  PRIMARY KEY (path, registry_id)
);
CREATE INDEX IF NOT EXISTS sync_source_trial_id ON sync_source_trial (registry_id);
