ALTER TABLE sales.orders
    ALTER COLUMN title SET NOT NULL,
    ALTER COLUMN title SET DEFAULT 'untitled';

