COMMENT ON COLUMN sales.orders.title IS 'The title, as it''s shown';

