COMMENT ON TABLE sales.orders IS 'Customer orders';

