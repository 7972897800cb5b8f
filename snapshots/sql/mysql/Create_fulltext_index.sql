CREATE FULLTEXT INDEX ix_posts_body_text ON posts (`body`);

