DROP INDEX ix_posts_slug;

