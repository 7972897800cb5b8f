namespace DiffMigrate.Providers.Postgres;

internal static partial class PostgresCatalog
{
    /// <summary>
    /// Views and materialized views: the query as <c>pg_get_viewdef(oid, true)</c> prints it (pretty, as the
    /// canonicaliser reads the model's back), and the relations its rewrite rule depends on (itself left out), by
    /// schema and name in matching arrays. A materialized view's indexes come with the tables' (query 4).
    /// </summary>
    public static string Views => $"""
        SELECT n.nspname, c.relname, c.relkind = 'm', pg_get_viewdef(c.oid, true),
               coalesce(deps.schemas, ARRAY[]::text[]), coalesce(deps.names, ARRAY[]::text[])
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN LATERAL (
            SELECT array_agg(x.s ORDER BY x.s, x.r) AS schemas, array_agg(x.r ORDER BY x.s, x.r) AS names
            FROM (SELECT DISTINCT rn.nspname::text AS s, rc.relname::text AS r
                  FROM pg_rewrite rw
                  JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = rw.oid AND d.refclassid = 'pg_class'::regclass
                  JOIN pg_class rc ON rc.oid = d.refobjid
                  JOIN pg_namespace rn ON rn.oid = rc.relnamespace
                  WHERE rw.ev_class = c.oid AND rc.oid <> c.oid) x) deps ON true
        WHERE c.relkind IN ('v', 'm') AND {InSchemas} AND {NotFromExtension("pg_class", "c.oid")}
        ORDER BY 1, 2
        """;
}
