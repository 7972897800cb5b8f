DROP INDEX [IX_Orders_State] ON sales.[Orders];
GO

