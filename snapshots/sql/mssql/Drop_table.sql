DROP TABLE users;
GO

