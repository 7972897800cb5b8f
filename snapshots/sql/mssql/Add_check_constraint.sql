ALTER TABLE posts ADD CONSTRAINT ck_posts_views CHECK (views >= 0 AND views < 1000000);
GO

