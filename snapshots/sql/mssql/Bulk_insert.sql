INSERT INTO posts (id, title, published, score) VALUES
    (1, N'it''s', 1, 1.5),
    (2, NULL, 0, NULL);
GO

