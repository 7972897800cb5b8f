CREATE TABLE sales.[Orders] (
    [Id] BIGINT IDENTITY(1000, 10) NOT NULL,
    [State] NVARCHAR(11) NOT NULL CONSTRAINT [DF_Orders_State] DEFAULT N'open',
    [Paid] BIT NOT NULL CONSTRAINT [DF_Orders_Paid] DEFAULT 0,
    [Notes] NVARCHAR(MAX) COLLATE Latin1_General_100_CI_AS_SC_UTF8 NULL,
    [PlacedAt] DATETIMEOFFSET NOT NULL CONSTRAINT [DF_Orders_PlacedAt] DEFAULT (SYSDATETIMEOFFSET()),
    [Ref] UNIQUEIDENTIFIER NOT NULL CONSTRAINT [DF_Orders_Ref] DEFAULT (NEWID()),
    [Total] DECIMAL(12, 2) NOT NULL,
    [Tax] AS ([Total] * 0.2) PERSISTED NOT NULL,
    [Gross] AS ([Total] * 1.2),
    [Blob] VARBINARY(MAX) NULL,
    [Digest] VARBINARY(32) NULL,
    [Doc] NVARCHAR(MAX) NULL,
    [Country] NCHAR(2) NULL,
    [Customer] INT NULL,
    CONSTRAINT [PK_Orders] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_Orders_Customer] FOREIGN KEY ([Customer]) REFERENCES users (id) ON UPDATE SET DEFAULT,
    CONSTRAINT [UQ_Orders_Ref] UNIQUE ([Ref]),
    CONSTRAINT [CK_Orders_Total] CHECK ([Total] >= 0)
);
GO

EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'customer orders: ''quoted''', @level0type = N'SCHEMA', @level0name = N'sales', @level1type = N'TABLE', @level1name = N'Orders';
GO

EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'numbered from 1000', @level0type = N'SCHEMA', @level0name = N'sales', @level1type = N'TABLE', @level1name = N'Orders', @level2type = N'COLUMN', @level2name = N'Id';
GO

