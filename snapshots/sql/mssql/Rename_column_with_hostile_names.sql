EXEC sp_rename N'[t]]; DROP TABLE users; --  x].[c''"]] ;[]', N'c2]''', N'COLUMN';
GO

