CREATE INDEX ix_orders_search ON sales.orders USING gin ((to_tsvector('simple', code))) WHERE code <> '';

