CREATE TABLE "Order Lines" (
    "order" integer NOT NULL,
    "Line""No" smallint NOT NULL,
    note varchar(20) COLLATE "NOCASE" DEFAULT 'n/a',
    CONSTRAINT pk_order_lines PRIMARY KEY ("order", "Line""No")
);

