INSERT INTO posts (id, title, published, score) VALUES
    (1, 'it''s', 1, 1.5),
    (2, NULL, 0, NULL);

