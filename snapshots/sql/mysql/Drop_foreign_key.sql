ALTER TABLE posts DROP FOREIGN KEY fk_posts_user_id_users;

