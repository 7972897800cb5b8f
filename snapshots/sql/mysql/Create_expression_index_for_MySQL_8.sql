CREATE INDEX ix_posts_lower_title ON posts ((lower(title)));

