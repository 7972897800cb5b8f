DO $$
DECLARE
    used bigint;
BEGIN
    ALTER TABLE sales.orders ALTER COLUMN n DROP DEFAULT;
    EXECUTE format('DROP SEQUENCE %s', pg_get_serial_sequence('sales.orders', 'n'));
    ALTER TABLE sales.orders ALTER COLUMN n ADD GENERATED ALWAYS AS IDENTITY;
    SELECT max(n) INTO used FROM sales.orders;
    IF used >= 1 THEN PERFORM setval(pg_get_serial_sequence('sales.orders', 'n'), used); END IF;
END
$$;

