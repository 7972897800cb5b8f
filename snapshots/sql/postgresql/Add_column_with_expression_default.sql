ALTER TABLE posts ADD COLUMN seen_at timestamp NOT NULL DEFAULT (datetime('now'));

