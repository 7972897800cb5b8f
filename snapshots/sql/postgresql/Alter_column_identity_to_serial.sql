DO $$
DECLARE
    used bigint;
BEGIN
    ALTER TABLE sales.orders ALTER COLUMN n DROP IDENTITY;
    CREATE SEQUENCE sales.orders_n_seq AS bigint OWNED BY sales.orders.n;
    ALTER TABLE sales.orders ALTER COLUMN n SET DEFAULT nextval('sales.orders_n_seq'::regclass);
    SELECT max(n) INTO used FROM sales.orders;
    IF used >= 1 THEN PERFORM setval(pg_get_serial_sequence('sales.orders', 'n'), used); END IF;
END
$$;

