CREATE TABLE "Order Lines" (
    "order" INTEGER NOT NULL,
    "Line""No" SMALLINT NOT NULL,
    note VARCHAR(20) COLLATE "NOCASE" DEFAULT 'n/a',
    CONSTRAINT pk_order_lines PRIMARY KEY ("order", "Line""No")
);

