ALTER TABLE sales.orders ADD CONSTRAINT uq_orders_code UNIQUE NULLS NOT DISTINCT (code, line);

