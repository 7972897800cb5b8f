CREATE TRIGGER sales.trg_posts_touch ON sales.[Orders] AFTER INSERT AS SET NOCOUNT ON;
GO

