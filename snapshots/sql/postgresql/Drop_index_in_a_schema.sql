DROP INDEX sales.ix_orders_lower_code;

