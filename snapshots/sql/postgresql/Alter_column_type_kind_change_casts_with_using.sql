ALTER TABLE sales.orders
    ALTER COLUMN qty DROP DEFAULT,
    ALTER COLUMN qty TYPE bigint USING qty::bigint,
    ALTER COLUMN qty SET DEFAULT 1;

