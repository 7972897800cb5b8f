INSERT INTO posts (id, title, published, score) VALUES
    (1, 'it''s', true, 1.5),
    (2, NULL, false, NULL);

