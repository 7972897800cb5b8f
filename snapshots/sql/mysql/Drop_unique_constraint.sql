ALTER TABLE posts DROP INDEX uq_posts_slug;

