ALTER TABLE sales.orders ALTER COLUMN n DROP NOT NULL;

DO $$
DECLARE
    used bigint;
BEGIN
    ALTER TABLE sales.orders ALTER COLUMN n DROP DEFAULT;
    EXECUTE format('DROP SEQUENCE %s', pg_get_serial_sequence('sales.orders', 'n'));
END
$$;

