ALTER TYPE app.mood RENAME TO mood__old;

CREATE TYPE app.mood AS ENUM ('happy', 'sad');

DO $$
DECLARE
    old_type regtype := 'app.mood__old';
    new_type regtype := 'app.mood';
    col record;
BEGIN
    FOR col IN
        SELECT a.attrelid::regclass::text AS table_name, a.attname AS column_name, pg_get_expr(d.adbin, d.adrelid) AS column_default
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.atttypid = old_type AND a.attnum > 0 AND NOT a.attisdropped AND a.attinhcount = 0 AND c.relkind IN ('r', 'p')
    LOOP
        IF col.column_default IS NOT NULL THEN
            EXECUTE format('ALTER TABLE %s ALTER COLUMN %I DROP DEFAULT', col.table_name, col.column_name);
        END IF;
        EXECUTE format('ALTER TABLE %s ALTER COLUMN %I TYPE %s USING %I::text::%s',
            col.table_name, col.column_name, new_type, col.column_name, new_type);
        IF col.column_default IS NOT NULL THEN
            EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET DEFAULT %s',
                col.table_name, col.column_name, replace(col.column_default, '::' || old_type, '::' || new_type));
        END IF;
    END LOOP;
END
$$;

DROP TYPE app.mood__old;

