COMMENT ON COLUMN sales.orders.title IS NULL;

