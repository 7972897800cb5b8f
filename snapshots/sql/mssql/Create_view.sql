CREATE VIEW recent_posts AS
SELECT id, title FROM posts WHERE id > 10;
GO

