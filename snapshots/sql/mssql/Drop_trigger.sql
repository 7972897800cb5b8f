DROP TRIGGER sales.trg_posts_touch;
GO

