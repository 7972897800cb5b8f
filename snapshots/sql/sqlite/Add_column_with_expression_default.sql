ALTER TABLE posts ADD COLUMN seen_at DATETIME NOT NULL DEFAULT (datetime('now'));

