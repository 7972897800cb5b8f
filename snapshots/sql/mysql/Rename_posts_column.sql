ALTER TABLE posts RENAME COLUMN `body` TO content;

