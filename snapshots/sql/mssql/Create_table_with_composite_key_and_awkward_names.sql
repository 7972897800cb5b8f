CREATE TABLE [Order Lines] (
    [order] INT NOT NULL,
    [Line"No] SMALLINT NOT NULL,
    note NVARCHAR(20) COLLATE NOCASE NULL CONSTRAINT [DF_Order Lines_note] DEFAULT N'n/a',
    CONSTRAINT pk_order_lines PRIMARY KEY ([order], [Line"No])
);
GO

