ALTER TABLE sales.orders
    ALTER COLUMN status DROP DEFAULT,
    ALTER COLUMN status TYPE app.mood USING status::text::app.mood,
    ALTER COLUMN status SET DEFAULT 'happy';

