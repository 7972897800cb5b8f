ALTER TABLE posts
    ALTER COLUMN title TYPE varchar(200) USING title::varchar(200),
    ALTER COLUMN title SET NOT NULL,
    ALTER COLUMN title SET DEFAULT '';

ALTER TABLE posts ADD COLUMN views bigint NOT NULL DEFAULT 0;

ALTER TABLE posts ADD CONSTRAINT ck_posts_views CHECK (views >= 0);

CREATE INDEX ix_posts_views ON posts (views);

