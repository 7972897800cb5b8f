CREATE UNIQUE INDEX ix_orders_lower_code ON sales.orders USING btree ((lower(code)), placed_at DESC, (total + 1)) INCLUDE (id, line) WHERE status <> 'sad';

