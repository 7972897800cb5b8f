CREATE UNIQUE CLUSTERED INDEX ix_tags_label ON tags (label);
GO

