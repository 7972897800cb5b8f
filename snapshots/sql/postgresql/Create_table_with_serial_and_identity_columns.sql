CREATE TABLE sales.orders (
    id bigint GENERATED ALWAYS AS IDENTITY (START WITH 1000 INCREMENT BY 10) NOT NULL,
    line serial NOT NULL,
    small smallserial NOT NULL,
    big bigserial NOT NULL,
    status app.mood NOT NULL DEFAULT 'happy',
    code text COLLATE "C" NOT NULL,
    total numeric(12, 2) NOT NULL DEFAULT 0,
    taxed numeric(12, 2) GENERATED ALWAYS AS (total * 1.2) STORED,
    placed_at timestamptz NOT NULL DEFAULT (now()),
    CONSTRAINT pk_orders PRIMARY KEY (id)
);

