CREATE INDEX ix_posts_views ON posts (views) ALGORITHM=INPLACE LOCK=NONE;

