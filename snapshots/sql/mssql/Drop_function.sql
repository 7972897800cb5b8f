DROP FUNCTION dbo.twice;
GO

