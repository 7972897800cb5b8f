DROP SEQUENCE order_numbers;
GO

