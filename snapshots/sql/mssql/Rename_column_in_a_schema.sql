EXEC sp_rename N'sales.[Orders].[Notes]', N'Remarks', N'COLUMN';
GO

