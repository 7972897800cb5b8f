CREATE SEQUENCE order_numbers;

