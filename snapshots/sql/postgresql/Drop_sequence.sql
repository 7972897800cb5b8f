DROP SEQUENCE sales.order_numbers;

