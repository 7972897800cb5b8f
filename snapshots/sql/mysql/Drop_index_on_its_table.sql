DROP INDEX ix_posts_title ON posts;

