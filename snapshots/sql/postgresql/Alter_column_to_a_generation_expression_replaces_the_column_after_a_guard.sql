DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_depend d JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
               WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = 'sales.orders'::regclass
                 AND a.attname = 'taxed'
                 AND d.classid IN ('pg_class'::regclass, 'pg_constraint'::regclass)) THEN
        RAISE EXCEPTION '%', 'AlterColumn on sales.orders.taxed: a new generation expression drops and adds the column, which would drop the indexes and constraints that use it; drop them before and create them again after (op.DropIndex, op.CreateIndex, ...)';
    END IF;
END
$$;

ALTER TABLE sales.orders
    DROP COLUMN taxed,
    ADD COLUMN taxed numeric(12, 2) GENERATED ALWAYS AS (total * 2) STORED;

COMMENT ON COLUMN sales.orders.taxed IS 'with tax';

