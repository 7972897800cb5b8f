ALTER TABLE posts DROP CONSTRAINT fk_posts_user_id_users;
GO

