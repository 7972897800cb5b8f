INSERT INTO posts (id, title, published, score, ref, at, data) VALUES
    (1, N'it''s', 1, 1.5, N'00000000-0000-0000-0000-000000000000', N'2026-01-02 03:04:05', 0xDEAD),
    (2, NULL, 0, NULL, NULL, NULL, NULL);
GO

