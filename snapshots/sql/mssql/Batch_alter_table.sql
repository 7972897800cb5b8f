ALTER TABLE posts ALTER COLUMN title NVARCHAR(200) NOT NULL;
GO

ALTER TABLE posts ADD CONSTRAINT [DF_posts_title] DEFAULT N'' FOR title;
GO

ALTER TABLE posts ADD views BIGINT NOT NULL CONSTRAINT [DF_posts_views] DEFAULT 0;
GO

ALTER TABLE posts ADD CONSTRAINT ck_posts_views CHECK (views >= 0);
GO

CREATE INDEX ix_posts_views ON posts (views);
GO

