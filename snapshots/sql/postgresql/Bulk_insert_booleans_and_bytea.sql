INSERT INTO sales.orders (number, paid, blob, code) VALUES
    (1, true, '\x00abff'::bytea, 'a\b'),
    (2, false, '\x'::bytea, NULL);

