EXEC sp_rename N'sales.[Orders]', N'PurchaseOrders';
GO

