ALTER TABLE sales.orders ALTER COLUMN status TYPE text USING status::text;

