ALTER TABLE sales.orders ADD COLUMN note text;

COMMENT ON COLUMN sales.orders.note IS 'Free text';

