CREATE TABLE _dm_new_posts (
    id INTEGER NOT NULL CONSTRAINT pk_posts PRIMARY KEY AUTOINCREMENT,
    title VARCHAR(200) NOT NULL DEFAULT '',
    views BIGINT NOT NULL DEFAULT 0,
    score INTEGER,
    CONSTRAINT ck_posts_views CHECK (views >= 0)
);

INSERT INTO _dm_new_posts (id, title, score)
SELECT id, COALESCE(title, ''), score FROM posts;

DROP TABLE posts;

PRAGMA legacy_alter_table = ON;

ALTER TABLE _dm_new_posts RENAME TO posts;

PRAGMA legacy_alter_table = OFF;

CREATE INDEX ix_posts_title ON posts (title);

CREATE INDEX ix_posts_views ON posts (views);

CREATE TRIGGER tr_posts AFTER INSERT ON posts BEGIN SELECT 1; END;

