ALTER TABLE posts ADD COLUMN seen_at DATETIME(6) NOT NULL DEFAULT (datetime('now'));

