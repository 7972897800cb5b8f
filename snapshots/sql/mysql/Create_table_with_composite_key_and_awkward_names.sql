CREATE TABLE `Order Lines` (
    `order` INT NOT NULL,
    `Line"No` SMALLINT NOT NULL,
    note VARCHAR(20) COLLATE `NOCASE` DEFAULT 'n/a',
    CONSTRAINT pk_order_lines PRIMARY KEY (`order`, `Line"No`)
);

