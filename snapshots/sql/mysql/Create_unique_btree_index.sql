CREATE UNIQUE INDEX ix_posts_title ON posts (title) USING BTREE;

