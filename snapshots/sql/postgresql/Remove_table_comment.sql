COMMENT ON TABLE sales.orders IS NULL;

