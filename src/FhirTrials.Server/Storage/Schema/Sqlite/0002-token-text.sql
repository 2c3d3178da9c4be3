-- Schema 2: an index for token :text searches (display and CodeableConcept.text).
CREATE INDEX ix_token_text ON idx_token (param, text);
