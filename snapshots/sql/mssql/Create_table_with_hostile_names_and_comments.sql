CREATE TABLE [t]]; DROP TABLE users; --  x] (
    id INT NOT NULL,
    [c'"]] ;[] NVARCHAR(40) NULL CONSTRAINT [DF_t]]; DROP TABLE users; --  x_c'"]] ;[] DEFAULT N'a''; DROP TABLE users; --',
    PRIMARY KEY (id),
    CONSTRAINT [ck]]x] CHECK (id > 0)
);
GO

DECLARE @schema SYSNAME = SCHEMA_NAME();
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'''); DROP TABLE users; -- ]''  N''x''', @level0type = N'SCHEMA', @level0name = @schema, @level1type = N'TABLE', @level1name = N't]; DROP TABLE users; --  x';
GO

DECLARE @schema SYSNAME = SCHEMA_NAME();
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'''); DROP TABLE users; -- ]''  N''x''', @level0type = N'SCHEMA', @level0name = @schema, @level1type = N'TABLE', @level1name = N't]; DROP TABLE users; --  x', @level2type = N'COLUMN', @level2name = N'c''"] ;[';
GO

