namespace DiffMigrate.Providers.Postgres;

/// <summary>
/// The catalog queries, sent as one batch (one round trip) whatever the number of tables. Every query filters on
/// the same schema set: the current schema, the schemas named in <c>@schemas</c>, or all user schemas when
/// <c>@all</c>; objects that belong to an extension are left out.
/// </summary>
internal static partial class PostgresCatalog
{
    private const string InSchemas =
        "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%' " +
        "AND (@all OR n.nspname = current_schema() OR n.nspname = ANY(@schemas))";

    private static string NotFromExtension(string classTable, string oid) =>
        $"NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '{classTable}'::regclass AND e.objid = {oid} AND e.deptype = 'e')";

    private const string UserTables = "c.relkind IN ('r', 'p') AND NOT c.relispartition";

    // Materialized views have indexes too (query 4 reads them with the tables', and a partition's own).
    private const string IndexedRelations = "c.relkind IN ('r', 'p', 'm')";

    /// <summary>Tables and partitions: a partition's columns are its parent's, so only its own constraints and indexes are read.</summary>
    private const string TablesAndPartitions = "c.relkind IN ('r', 'p')";

    /// <summary>
    /// Three arrays over the key columns of the pg_index row <paramref name="i"/>, read the same way for the database
    /// (query 4) and the canonicaliser's read-back: NULLS FIRST (indoption bit 2); the operator class where the server
    /// prints it, i.e. when it is not the default for the key's type and access method (<c>GetDefaultOpClass</c>: the
    /// exact type's default, else the one default the type is binary-coercible to, as text_ops for varchar), quoted as
    /// <c>pg_get_indexdef</c> quotes it; the key's collation where it differs from its column's (from the database
    /// default, for an expression).
    /// </summary>
    /// <remarks>
    /// The type of an expression key is the index column's, except where the operator class stores another type
    /// (opckeytype, as jsonb_path_ops does): then the class counts as default when it is marked default. The key's
    /// attribute is a scalar subquery on equalities of (attrelid, attnum), so that the server looks it up in
    /// pg_attribute's index for each key: a CASE around the whole condition, or a join the planner may turn into a
    /// merge, scanned and sorted pg_attribute for every index (2 s at 20 tables, growing with the catalog).
    /// </remarks>
    public static string KeyOptions(string i) => $"""
        ARRAY(SELECT ({i}.indoption[k - 1] & 2) = 2 FROM generate_series(1, {i}.indnkeyatts) k ORDER BY k),
               ARRAY(SELECT CASE WHEN oc.opcdefault AND (kt.typ IS NULL OR oc.opcintype = kt.typ OR NOT EXISTS (
                                     SELECT 1 FROM pg_opclass d WHERE d.opcmethod = oc.opcmethod AND d.opcdefault AND d.opcintype = kt.typ)) THEN NULL
                                 WHEN pg_opclass_is_visible(oc.oid) THEN quote_ident(oc.opcname)
                                 ELSE quote_ident(ocn.nspname) || '.' || quote_ident(oc.opcname) END
                     FROM generate_series(1, {i}.indnkeyatts) k
                     JOIN pg_opclass oc ON oc.oid = {i}.indclass[k - 1]
                     JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace
                     CROSS JOIN LATERAL (SELECT (
                         SELECT CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
                         FROM pg_attribute ka JOIN pg_type t ON t.oid = ka.atttypid
                         WHERE ka.attrelid = CASE WHEN {i}.indkey[k - 1] <> 0 THEN {i}.indrelid ELSE {i}.indexrelid END
                           AND ka.attnum = CASE WHEN {i}.indkey[k - 1] <> 0 THEN {i}.indkey[k - 1] ELSE k::int2 END
                           AND ({i}.indkey[k - 1] <> 0 OR oc.opckeytype = 0)) AS typ) kt
                     ORDER BY k),
               ARRAY(SELECT CASE WHEN {i}.indcollation[k - 1] = 0 OR {i}.indcollation[k - 1] = coalesce(
                                     (SELECT ka.attcollation FROM pg_attribute ka
                                      WHERE {i}.indkey[k - 1] <> 0 AND ka.attrelid = {i}.indrelid AND ka.attnum = {i}.indkey[k - 1]), 100) THEN NULL
                                 ELSE (SELECT co.collname::text FROM pg_collation co WHERE co.oid = {i}.indcollation[k - 1]) END
                     FROM generate_series(1, {i}.indnkeyatts) k ORDER BY k)
        """;

    /// <summary>Where <see cref="Statements"/> reads the schemas, the indexes and the views (the canonicaliser reads back those three).</summary>
    public const int SchemasStatement = 0, IndexesStatement = 4, ViewsStatement = 9;

    public static readonly string[] Statements =
    [
        // 0: the current schema and the schemas that exist.
        $"SELECT current_schema(), n.nspname FROM pg_namespace n WHERE {InSchemas} ORDER BY 2",

        // 1: tables and partitions, with a partitioned table's PARTITION BY and a partition's parent and bound.
        $"""
        SELECT n.nspname, c.relname, obj_description(c.oid, 'pg_class'),
               CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END, pn.nspname, pc.relname,
               CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_inherits ih ON ih.inhrelid = c.oid AND c.relispartition
        LEFT JOIN pg_class pc ON pc.oid = ih.inhparent
        LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
        WHERE {TablesAndPartitions} AND {InSchemas} AND {NotFromExtension("pg_class", "c.oid")}
        ORDER BY 1, 2
        """,

        // 2: columns, with the sequence behind an identity or serial column. A default cannot refer to a column, so it is
        // printed without its table (relid 0): given the table, pg_get_expr opens it, and a fresh connection builds
        // every table's relation cache entry for that (36 of the 76 ms this query took at 500 tables; query 3 then builds
        // those of the tables with checks, which do need them: about 10 ms net). A generated column's expression does
        // refer to columns. Rows come in table-oid order: the reader groups them per table and needs only attnum order
        // within one, and sorting on names cost about 15 ms more.
        $"""
        SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
               CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, 0) ELSE pg_get_expr(d.adbin, d.adrelid) END, a.attidentity::text, a.attgenerated::text,
               CASE WHEN a.attcollation <> t.typcollation THEN co.collname END,
               ds.description, t.typtype::text, tn.nspname, t.typname,
               seq.deptype::text, seq.name, seq.seqstart, seq.seqincrement, seq.seqmin, seq.seqmax, seq.seqcycle, seq.seqcache
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_type t ON t.oid = a.atttypid
        JOIN pg_namespace tn ON tn.oid = t.typnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        LEFT JOIN pg_collation co ON co.oid = a.attcollation
        LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = a.attnum
        LEFT JOIN (
            SELECT DISTINCT ON (dep.refobjid, dep.refobjsubid) dep.refobjid, dep.refobjsubid, dep.deptype,
                   sc.oid::regclass::text AS name, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcycle, s.seqcache
            FROM pg_depend dep
            JOIN pg_class sc ON sc.oid = dep.objid AND sc.relkind = 'S'
            JOIN pg_sequence s ON s.seqrelid = sc.oid
            WHERE dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass AND dep.deptype IN ('a', 'i')
            ORDER BY dep.refobjid, dep.refobjsubid, dep.deptype DESC) seq ON seq.refobjid = c.oid AND seq.refobjsubid = a.attnum
        WHERE {UserTables} AND {InSchemas} AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attrelid, a.attnum
        """,

        // 3: primary keys, foreign keys, unique, check and exclusion constraints (columns in key order); whether each is
        // validated; an exclusion constraint's definition as the server prints it. Not what a partition inherits, nor
        // the clones a partitioned table's constraints make (conparentid).
        $"""
        SELECT n.nspname, c.relname, con.conname, con.contype::text,
               ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
                     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord),
               fn.nspname, fc.relname,
               ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                     JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord),
               con.confdeltype::text, con.confupdtype::text, con.condeferrable, con.condeferred,
               pg_get_expr(con.conbin, con.conrelid, true), coalesce(i.indnullsnotdistinct, false),
               con.convalidated, CASE WHEN con.contype = 'x' THEN pg_get_constraintdef(con.oid, true) END
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class fc ON fc.oid = con.confrelid
        LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
        LEFT JOIN pg_index i ON i.indexrelid = con.conindid AND con.contype = 'u'
        WHERE con.contype IN ('p', 'f', 'u', 'c', 'x') AND {TablesAndPartitions} AND {InSchemas}
          AND con.conparentid = 0 AND (NOT c.relispartition OR con.conislocal)
        ORDER BY 1, 2, 3
        """,

        // 4: indexes that do not back a constraint; expressions and the WHERE clause as the server prints them, key options.
        // Not a partition's index that is attached to its parent's (relispartition): the parent's index makes it.
        $"""
        SELECT n.nspname, c.relname, ic.relname, i.indisunique, am.amname, i.indnkeyatts,
               ARRAY(SELECT CASE WHEN i.indkey[k - 1] = 0 THEN pg_get_indexdef(i.indexrelid, k, true)
                                 ELSE (SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1]) END
                     FROM generate_series(1, i.indnatts) k ORDER BY k),
               ARRAY(SELECT i.indkey[k - 1] = 0 FROM generate_series(1, i.indnatts) k ORDER BY k),
               ARRAY(SELECT (i.indoption[k - 1] & 1) = 1 FROM generate_series(1, i.indnkeyatts) k ORDER BY k),
               pg_get_expr(i.indpred, i.indrelid, true),
               {KeyOptions("i")}, i.indnullsnotdistinct
        FROM pg_index i
        JOIN pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_class c ON c.oid = i.indrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_am am ON am.oid = ic.relam
        LEFT JOIN pg_constraint backing ON backing.conindid = i.indexrelid AND backing.contype IN ('p', 'u', 'x')
        WHERE {IndexedRelations} AND {InSchemas} AND backing.oid IS NULL AND NOT ic.relispartition
        ORDER BY 1, 2, 3
        """,

        // 5: enums with their values in sort order.
        $"""
        SELECT n.nspname, t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder)
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE {InSchemas} AND {NotFromExtension("pg_type", "t.oid")}
        GROUP BY 1, 2 ORDER BY 1, 2
        """,

        // 6: standalone sequences (not owned by a serial or identity column).
        $"""
        SELECT n.nspname, c.relname, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcycle, s.seqcache, format_type(s.seqtypid, NULL)
        FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE {InSchemas} AND {NotFromExtension("pg_class", "c.oid")}
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                          AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))
        ORDER BY 1, 2
        """,

        // 7: what is not compared: (kind, schema, name, table, detail); the words are the configuration's object kinds.
        // Extensions come with it (kind 'extension', its schema and version): they are compared. Domains are read by 8.
        $"""
        SELECT u.kind, u.schema, u.name, u.tab, u.detail FROM (
            SELECT CASE c.relkind WHEN 'f' THEN 'foreignTable' ELSE 'compositeType' END AS kind,
                   n.nspname AS schema, c.relname::text AS name, NULL::text AS tab, NULL::text AS detail
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('f', 'c') AND {InSchemas} AND {NotFromExtension("pg_class", "c.oid")}
            UNION ALL
            SELECT 'rangeType', n.nspname, t.typname, NULL, NULL
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE t.typtype = 'r' AND {InSchemas} AND {NotFromExtension("pg_type", "t.oid")}
            UNION ALL
            -- Functions, procedures, aggregates (statement 8) and the triggers on tables (statement 9) are compared.
            SELECT 'trigger', n.nspname, tg.tgname, c.relname, CASE WHEN tg.tgconstraint <> 0 THEN 'constraint trigger' END
            FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT tg.tgisinternal AND tg.tgparentid = 0 AND NOT ({UserTables}) AND {InSchemas} AND {NotFromExtension("pg_class", "c.oid")}
            UNION ALL
            SELECT 'rule', n.nspname, r.rulename, c.relname, NULL
            FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE r.rulename <> '_RETURN' AND {InSchemas} AND {NotFromExtension("pg_class", "c.oid")}
            UNION ALL
            SELECT 'policy', n.nspname, po.polname, c.relname, NULL
            FROM pg_policy po JOIN pg_class c ON c.oid = po.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE {InSchemas}
            UNION ALL
            SELECT 'rowSecurity', n.nspname, c.relname, NULL, CASE WHEN c.relforcerowsecurity THEN 'forced' END
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relrowsecurity AND {InSchemas}
            UNION ALL
            SELECT 'grant', n.nspname, c.relname, NULL, array_to_string(c.relacl, ', ')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relacl IS NOT NULL AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND NOT c.relispartition AND {InSchemas} AND {NotFromExtension("pg_class", "c.oid")}
            UNION ALL
            SELECT 'extension', n.nspname, e.extname, NULL, e.extversion
            FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
            WHERE e.extname <> 'plpgsql'
            UNION ALL
            SELECT 'eventTrigger', NULL, evtname, NULL, evtevent FROM pg_event_trigger WHERE {NotFromExtension("pg_event_trigger", "oid")}
            UNION ALL
            SELECT 'publication', NULL, pubname, NULL, NULL FROM pg_publication
            UNION ALL
            SELECT 'schema', NULL, n.nspname, NULL, count(c.oid) || ' relations, not compared'
            FROM pg_namespace n LEFT JOIN pg_class c ON c.relnamespace = n.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg\_temp\_%' AND n.nspname NOT LIKE 'pg\_toast\_temp\_%'
              AND NOT (@all OR n.nspname = current_schema() OR n.nspname = ANY(@schemas)) AND {NotFromExtension("pg_namespace", "n.oid")}
            GROUP BY n.nspname
        ) u
        ORDER BY 1, 2, 4, 3
        """,

        // 8: domains: base type, NOT NULL, default, collation (where it is not the base type's) and checks by name.
        $"""
        SELECT n.nspname, {DomainColumns}
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE t.typtype = 'd' AND {InSchemas} AND {NotFromExtension("pg_type", "t.oid")}
        ORDER BY 1, 2
        """,
        // 9: views and materialized views.
        Views,
        // 10: functions, procedures and aggregates; 11: triggers.
        Routines,
        Triggers,
    ];

    /// <summary>
    /// A domain <c>t</c> (pg_type) as the inspector and the canonicaliser's read-back both read it: name, base type,
    /// NOT NULL, default, collation, check names and check expressions (in name order, without <c>CHECK (...)</c>).
    /// </summary>
    public const string DomainColumns = """
        t.typname, format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault,
               (SELECT co.collname::text FROM pg_collation co JOIN pg_type b ON b.oid = t.typbasetype
                WHERE co.oid = t.typcollation AND t.typcollation <> b.typcollation),
               ARRAY(SELECT c.conname::text FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c' ORDER BY c.conname),
               ARRAY(SELECT regexp_replace(pg_get_constraintdef(c.oid, true), '^CHECK \((.*)\)( NOT VALID)?$', '\1', 's')
                     FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c' ORDER BY c.conname)
        """;
}
