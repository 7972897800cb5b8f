ALTER TABLE sales.orders ALTER COLUMN title TYPE varchar(200);

