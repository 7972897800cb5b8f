namespace DiffMigrate.Providers.Postgres;

internal static partial class PostgresCatalog
{
    /// <summary>
    /// The whole CREATE statement of the pg_proc row <paramref name="p"/>: <c>pg_get_functiondef</c> for a function or
    /// procedure (it always writes <c>CREATE OR REPLACE</c>); for an aggregate, which it does not print, the statement
    /// built from pg_aggregate with only the options that are set (as pg_dump writes them). The inspector and the
    /// canonicaliser's read-back use this one expression, so the model's form and the database's are alike.
    /// </summary>
    public static string RoutineDefinition(string p) => $"""
        CASE WHEN {p}.prokind <> 'a' THEN pg_get_functiondef({p}.oid) ELSE (
            SELECT 'CREATE OR REPLACE AGGREGATE ' || quote_ident(an.nspname) || '.' || quote_ident({p}.proname)
                   || '(' || CASE WHEN {p}.pronargs = 0 THEN '*' ELSE pg_get_function_arguments({p}.oid) END || ') ('
                   || concat_ws(', ',
                        'SFUNC = ' || ag.aggtransfn::regproc::text,
                        'STYPE = ' || format_type(ag.aggtranstype, NULL),
                        CASE WHEN ag.aggtransspace <> 0 THEN 'SSPACE = ' || ag.aggtransspace END,
                        CASE WHEN ag.aggfinalfn <> 0 THEN 'FINALFUNC = ' || ag.aggfinalfn::regproc::text END,
                        CASE WHEN ag.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
                        CASE WHEN ag.aggfinalfn <> 0 AND ag.aggfinalmodify <> CASE WHEN ag.aggkind = 'n' THEN 'r' ELSE 'w' END
                             THEN 'FINALFUNC_MODIFY = ' || CASE ag.aggfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
                        CASE WHEN ag.aggcombinefn <> 0 THEN 'COMBINEFUNC = ' || ag.aggcombinefn::regproc::text END,
                        CASE WHEN ag.aggserialfn <> 0 THEN 'SERIALFUNC = ' || ag.aggserialfn::regproc::text END,
                        CASE WHEN ag.aggdeserialfn <> 0 THEN 'DESERIALFUNC = ' || ag.aggdeserialfn::regproc::text END,
                        CASE WHEN ag.agginitval IS NOT NULL THEN 'INITCOND = ' || quote_literal(ag.agginitval) END,
                        CASE WHEN ag.aggmtransfn <> 0 THEN 'MSFUNC = ' || ag.aggmtransfn::regproc::text END,
                        CASE WHEN ag.aggminvtransfn <> 0 THEN 'MINVFUNC = ' || ag.aggminvtransfn::regproc::text END,
                        CASE WHEN ag.aggmtranstype <> 0 THEN 'MSTYPE = ' || format_type(ag.aggmtranstype, NULL) END,
                        CASE WHEN ag.aggmtransspace <> 0 THEN 'MSSPACE = ' || ag.aggmtransspace END,
                        CASE WHEN ag.aggmfinalfn <> 0 THEN 'MFINALFUNC = ' || ag.aggmfinalfn::regproc::text END,
                        CASE WHEN ag.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END,
                        CASE WHEN ag.aggmfinalfn <> 0 AND ag.aggmfinalmodify <> CASE WHEN ag.aggkind = 'n' THEN 'r' ELSE 'w' END
                             THEN 'MFINALFUNC_MODIFY = ' || CASE ag.aggmfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
                        CASE WHEN ag.aggminitval IS NOT NULL THEN 'MINITCOND = ' || quote_literal(ag.aggminitval) END,
                        CASE WHEN ag.aggsortop <> 0 THEN (SELECT 'SORTOP = OPERATOR(' || quote_ident(opn.nspname) || '.' || o.oprname || ')'
                                                          FROM pg_operator o JOIN pg_namespace opn ON opn.oid = o.oprnamespace WHERE o.oid = ag.aggsortop) END,
                        CASE WHEN ag.aggkind = 'h' THEN 'HYPOTHETICAL' END,
                        CASE {p}.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' END)
                   || ')'
            FROM pg_aggregate ag JOIN pg_namespace an ON an.oid = {p}.pronamespace
            WHERE ag.aggfnoid = {p}.oid) END
        """;

    /// <summary>A routine's kind as the model's word: function, procedure or aggregate.</summary>
    public static string RoutineKind(string p) => $"CASE {p}.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END";

    /// <summary>
    /// 8: functions, procedures and aggregates: (kind, schema, name, argument types, definition). Not what an
    /// extension brings, nor a range type's constructors (an internal dependency on the type).
    /// </summary>
    private static string Routines => $"""
        SELECT {RoutineKind("p")}, n.nspname, p.proname, oidvectortypes(p.proargtypes), {RoutineDefinition("p")}
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE {InSchemas} AND {NotFromExtension("pg_proc", "p.oid")}
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'i')
        ORDER BY 2, 3, 4
        """;

    /// <summary>
    /// 9: triggers on the compared tables, constraint triggers included: (schema, table, name, definition, function
    /// schema, function name). Not the internal ones (foreign key enforcement), nor a partition's clones of its
    /// parent's; triggers on views, foreign tables and partitions stay in the report of what is not compared.
    /// </summary>
    private static string Triggers => $"""
        SELECT n.nspname, c.relname, tg.tgname, pg_get_triggerdef(tg.oid), fn.nspname, f.proname
        FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_proc f ON f.oid = tg.tgfoid JOIN pg_namespace fn ON fn.oid = f.pronamespace
        WHERE NOT tg.tgisinternal AND tg.tgparentid = 0 AND {UserTables} AND {InSchemas} AND {NotFromExtension("pg_class", "c.oid")}
        ORDER BY 1, 2, 3
        """;
}
